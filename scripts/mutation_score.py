"""The mutation score of `make mutation`, from mutmut's summary (mutmut export-cicd-stats):
mutants killed (a test failed, or ran out of time) out of all those tried — a mutant that no test
reaches counts as a survivor. Exits 1 under --minimum (per cent)."""

import argparse
import json
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("stats", type=Path)
    parser.add_argument("--minimum", type=float, default=90.0)
    arguments = parser.parse_args()
    stats = json.loads(arguments.stats.read_text())
    killed = stats["killed"] + stats["timeout"]
    tried = stats["total"] - stats["skipped"]
    score = 100 * killed / tried if tried else 0.0
    print(
        f"Mutants: {tried} tried, {stats['killed']} killed, {stats['timeout']} timed out, "
        f"{stats['survived']} survived, {stats['no_tests']} reached by no test, "
        f"{stats['suspicious']} suspicious."
    )
    print(f"Mutation score: {score:.1f} % (minimum {arguments.minimum:g} %).")
    print("Survivors: `.venv/bin/mutmut results`, each one's change: `.venv/bin/mutmut show NAME`.")
    return 0 if score >= arguments.minimum else 1


if __name__ == "__main__":
    sys.exit(main())
