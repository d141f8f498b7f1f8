"""E-mail addresses and institutions' domains: which confirmed addresses a person has, and
whether an address is in a domain (sub-domains included). No model of this app is imported here,
so that the admin's forms may ask too."""

from django.db.models import CharField, Q, Value
from django.db.models.functions import Concat, Lower


def domain_candidates(address: str) -> list[str]:
    """cegep.qc.ca for prof@info.cegep.qc.ca: the domain and each parent domain."""
    domain = address.rsplit("@", 1)[-1].strip().lower().rstrip(".")
    parts = domain.split(".")
    return [".".join(parts[i:]) for i in range(len(parts) - 1)]


def confirmed_addresses(user) -> list[str]:
    """The user's confirmed e-mail addresses, primary first (one query; none for a visitor or an
    inactive account)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    from allauth.account.models import EmailAddress

    return list(
        EmailAddress.objects.filter(user=user, verified=True)
        .order_by("-primary", "pk")
        .values_list("email", flat=True)
    )


def address_in_domains(address: str, domains) -> bool:
    """Whether an e-mail address is in one of these domains (sub-domains included)."""
    wanted = {domain.strip().lower().lstrip("@").rstrip(".") for domain in domains}
    return bool(wanted.intersection(domain_candidates(address)))


def confirmed_in_domains(user, domains) -> bool:
    """Whether one of the user's confirmed addresses is in these domains: who may be named an
    institution's local representative."""
    return any(address_in_domains(address, domains) for address in confirmed_addresses(user))


def addresses_in_domains(domains) -> Q:
    """A filter of EmailAddress rows in one of these domains or their sub-domains (nothing for
    no domain)."""
    condition = Q(pk__in=[])
    for domain in domains:
        condition |= Q(email__iendswith=f"@{domain}") | Q(email__iendswith=f".{domain}")
    return condition


def domains_holding(domains, address):
    """Of `domains` (a queryset of rows with a `domain` field), those an e-mail address is in,
    sub-domains included, `address` being an expression (OuterRef("email")): domain_candidates
    in SQL. A domain is never a bare top-level one (candidates have two labels at least)."""
    return domains.alias(address_lower=Lower(address, output_field=CharField())).filter(
        Q(address_lower__endswith=Concat(Value("@"), "domain"))
        | Q(address_lower__endswith=Concat(Value("."), "domain")),
        domain__contains=".",
    )
