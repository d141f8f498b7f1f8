"""The catalogue's and the shop's operations, each through the served product (real HTTP to
gunicorn, one client, keep-alive), the data they need written by Django scripts of the run
(benchmarks/publish_probe.py, benchmarks/operations_data.py):

- publication: a new resource published as an editor publishes it, then the search API asked
  until it finds it (target: findable within 2 s);
- webhook: Stripe's signed `checkout.session.completed` of a pending 3-line order (2 or 3
  sellers with Connect accounts) posted to /stripe/webhook/, until its 200 (target p95 ≤ 100 ms);
  every order then read back: paid, downloads granted, transfers sent to stripe-mock;
- download: /telechargement/<resource>/<file>/ of a free resource, answered by a 302 to a
  presigned URL of the run's private bucket, not followed (target p95 ≤ 15 ms);
- OAI-PMH: ListRecords' first page and a resumption-token page, in each metadata format.

It adds resources, accounts, orders and downloads to the catalogue: it runs after the
measurements that read the catalogue as generated."""

import json
import statistics
import xml.etree.ElementTree as ElementTree
from urllib.parse import urlencode

from benchmarks import report
from benchmarks.harness import BenchError, Run, timed

NAME = "operations"
PUBLICATIONS = 20  # at most: each is a resource more in the catalogue, and takes a second or so
WARMUP_ORDERS = 4  # sent first, not timed: both workers' first fulfilment (imports, templates)
WARMUP_PASSES = 2  # over every distinct URL (downloads, OAI pages)
WEBHOOK = "/stripe/webhook/"
OAI = "/oai"
OAI_NS = "{http://www.openarchives.org/OAI/2.0/}"


def _session():
    import requests

    return requests.Session()


def measure(run: Run) -> dict:
    return {
        "publication": publication(run),
        "webhook": webhook(run),
        "download": download(run),
        "oai": oai(run),
    }


# --- Publication until findable ------------------------------------------------------------------


def publication(run: Run) -> dict:
    count = min(max(2, run.options.requests), PUBLICATIONS)
    command = ("--count", str(count), "--url", run.base_url)
    probes = run.django("benchmarks.publish_probe", *command)["probes"]
    return {
        "publications": count,
        "how": "save_revision().publish() in a Django process of the run (tasks immediate), "
        "then GET /api/v1/search?q=<its unique word> until it is among the results",
        "after_return": report.latency([p["after_return_ms"] for p in probes]),
        "after_start": report.latency([p["after_start_ms"] for p in probes]),
        "publish_call": report.latency([p["publish_ms"] for p in probes]),
        "polls_median": statistics.median(p["polls"] for p in probes),
    }


# --- Stripe webhook: fulfilment of a 3-line order ------------------------------------------------


def webhook(run: Run) -> dict:
    from boutique.stripe_gateway import signature_header  # how Stripe signs (no Django needed)

    count = max(2, run.options.requests)
    made = run.django("benchmarks.operations_data", "orders", "--count", str(count + WARMUP_ORDERS))
    secret = run.env["STRIPE_WEBHOOK_SECRET"]
    session = _session()
    timings, queries = [], []
    for number, order in enumerate(made["orders"]):
        payload = json.dumps(order["event"]).encode()
        headers = {
            "Content-Type": "application/json",
            # Signed when sent: Stripe's signatures are valid for 5 minutes.
            "Stripe-Signature": signature_header(payload, secret),
        }
        elapsed, response = timed(
            session, f"{run.base_url}{WEBHOOK}", "POST", data=payload, headers=headers
        )
        if response.status_code != 200:
            raise BenchError(f"{WEBHOOK} answered {response.status_code} for {order['reference']}")
        if number >= WARMUP_ORDERS:
            timings.append(elapsed)
            queries.append(int(response.headers.get("X-Queries", 0)))
    references = [order["reference"] for order in made["orders"]]
    checked = run.django("benchmarks.operations_data", "check-orders", *references)
    if checked["problems"]:
        shown = "; ".join(checked["problems"][:5])
        raise BenchError(
            f"orders not fulfilled after the webhook ({len(checked['problems'])}): {shown}"
        )
    sellers = [order["sellers"] for order in made["orders"]]
    return {
        "endpoint": WEBHOOK,
        "event": "checkout.session.completed",
        "orders": count,
        "warmup_orders": WARMUP_ORDERS,
        "lines": 3,
        "sellers": [min(sellers), max(sellers)],
        "transfers": checked["transfers"],
        "queries": {"median": statistics.median(queries), "max": max(queries)},
        "latency": report.latency(timings),
    }


# --- Download redirect to S3 ---------------------------------------------------------------------


def download(run: Run) -> dict:
    files = run.django(
        "benchmarks.operations_data", "downloads", "--count", str(run.options.variants)
    )
    paths = [f"/telechargement/{resource}/{file}/" for resource, file in files["files"]]
    if not paths:
        raise BenchError("no file of a free resource to download")
    bucket = f"{run.env['S3_ENDPOINT_URL']}/{run.env['S3_PRIVATE_BUCKET']}/"
    session = _session()

    def get(path: str) -> tuple[float, str]:
        elapsed, response = timed(session, f"{run.base_url}{path}")
        location = response.headers.get("Location", "")
        if response.status_code != 302 or not location.startswith(bucket):
            raise BenchError(
                f"{path} answered {response.status_code} {location!r}, not a 302 to {bucket}"
            )
        if "X-Amz-Signature=" not in location:
            raise BenchError(f"{path}: {location} is not a presigned URL")
        return elapsed, location

    for _ in range(WARMUP_PASSES):
        for path in paths:
            get(path)
    timings = [get(paths[number % len(paths)])[0] for number in range(max(2, run.options.requests))]
    # The redirect leads to the file: S3 serves it to whoever holds the URL, within its minutes.
    served = session.get(get(paths[0])[1], timeout=30)
    if served.status_code != 200 or not served.content.startswith(b"%PDF"):
        raise BenchError(f"the presigned URL answered {served.status_code}, not the PDF")
    return {
        "endpoint": "/telechargement/<resource>/<file>/",
        "visitor": "anonymous, free resources (one file each)",
        "files": len(paths),
        "warmup_passes": WARMUP_PASSES,
        "latency": report.latency(timings),
    }


# --- OAI-PMH ListRecords -------------------------------------------------------------------------


def _oai_answer(response, url: str) -> ElementTree.Element:
    """The verb's element of a well-formed answer without error, with records."""
    if response.status_code != 200:
        raise BenchError(f"{url} answered {response.status_code}")
    try:
        root = ElementTree.fromstring(response.content)
    except ElementTree.ParseError as error:
        raise BenchError(f"{url}: not well-formed XML ({error})") from error
    error = root.find(f"{OAI_NS}error")
    if root.tag != f"{OAI_NS}OAI-PMH" or error is not None:
        code = error.get("code") if error is not None else root.tag
        raise BenchError(f"{url}: an OAI-PMH error ({code})")
    return root


def _records(root: ElementTree.Element, url: str) -> ElementTree.Element:
    listed = root.find(f"{OAI_NS}ListRecords")
    if listed is None or not listed.findall(f"{OAI_NS}record"):
        raise BenchError(f"{url}: no records")
    return listed


def oai(run: Run) -> dict:
    built = run.django("benchmarks.operations_data", "oai-records")
    session = _session()
    url = f"{OAI}?verb=ListMetadataFormats"
    formats = _oai_answer(session.get(f"{run.base_url}{url}", timeout=60), url)
    prefixes = [element.text for element in formats.iter(f"{OAI_NS}metadataPrefix")]
    pages = {}  # label: (URL, records expected on it)
    for prefix in prefixes:
        first = f"{OAI}?{urlencode({'verb': 'ListRecords', 'metadataPrefix': prefix})}"
        listed = _records(
            _oai_answer(session.get(f"{run.base_url}{first}", timeout=60), first), first
        )
        pages[f"{prefix}, first page"] = (first, len(listed.findall(f"{OAI_NS}record")))
        token = listed.find(f"{OAI_NS}resumptionToken")
        if token is not None and token.text:
            following = f"{OAI}?{urlencode({'verb': 'ListRecords', 'resumptionToken': token.text})}"
            answer = _oai_answer(session.get(f"{run.base_url}{following}", timeout=60), following)
            pages[f"{prefix}, resumption page"] = (
                following,
                len(_records(answer, following).findall(f"{OAI_NS}record")),
            )

    def get(label: str) -> float:
        path, expected = pages[label]
        elapsed, response = timed(session, f"{run.base_url}{path}")
        records = _records(_oai_answer(response, path), path).findall(f"{OAI_NS}record")
        if len(records) != expected:
            raise BenchError(f"{path}: {len(records)} records, {expected} before")
        return elapsed

    for _ in range(WARMUP_PASSES):
        for label in pages:
            get(label)
    timings = {label: [] for label in pages}
    for _ in range(max(2, run.options.requests)):
        for label in pages:  # interleaved: each page is timed among the others
            timings[label].append(get(label))
    return {
        "endpoint": OAI,
        "records": built["records"],
        "records_built_seconds": built["seconds"],
        "prefixes": prefixes,
        "pages": {
            label: {"records": pages[label][1], **report.latency(values)}
            for label, values in timings.items()
        },
    }


# --- The printed tables --------------------------------------------------------------------------


def markdown(figures: dict) -> list[str]:
    published, hooked = figures["publication"], figures["webhook"]
    downloaded, harvested = figures["download"], figures["oai"]
    sellers = "–".join(str(n) for n in sorted(set(hooked["sellers"])))
    queries = hooked["queries"]
    return [
        "#### Publication until findable (target: within 2 s)",
        "",
        f"{published['publications']} new resources, each published by `save_revision().publish()`"
        " (tasks run on commit, in the call) then sought by its own word through the search API "
        f"(searches until found: median {published['polls_median']:g}).",
        "",
        *report.latency_table(
            [
                ("findable, from the publish call's return", published["after_return"]),
                ("findable, from the publish call's start", published["after_start"]),
                ("the publish call itself", published["publish_call"]),
            ],
            first="publication",
        ),
        "",
        f"#### Stripe webhook `{hooked['event']}` (target: p95 ≤ 100 ms)",
        "",
        f"`POST {hooked['endpoint']}` of a pending order of {hooked['lines']} paid resources by "
        f"{sellers} sellers with Connect accounts, until its 200: the order paid, downloads "
        "granted, a transfer per seller sent to stripe-mock and the receipt rendered in the "
        f"request (tasks immediate; {hooked['transfers']} transfers in all); "
        f"{queries['median']:g} SQL queries (max {queries['max']}); "
        f"{hooked['warmup_orders']} orders sent first, not timed.",
        "",
        *report.latency_table([("order fulfilled", hooked["latency"])], first="webhook"),
        "",
        "#### Download redirect (target: p95 ≤ 15 ms)",
        "",
        f"`GET {downloaded['endpoint']}`, {downloaded['visitor']}, over {downloaded['files']} "
        "files: a 302 to a presigned URL of the run's private bucket (not followed).",
        "",
        *report.latency_table([("302 to S3", downloaded["latency"])], first="download"),
        "",
        "#### OAI-PMH `ListRecords`",
        "",
        f"{harvested['records']:,} records (built by `oai_records` in "
        f"{harvested['records_built_seconds']:.1f} s before the timings); pages of up to 100.",
        "",
        *report.latency_table(
            [
                (f"{label} ({values['records']} records)", values)
                for label, values in harvested["pages"].items()
            ],
            first="page",
        ),
    ]
