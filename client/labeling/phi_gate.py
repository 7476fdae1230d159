"""The PHI gate in front of a non-local LLM endpoint: which anonymized reports may be sent.

A study is sent only if all of these hold (anything else blocks it, fail closed):
- the anonymize step did not list it in `.fedrad/phi-suspects.csv` (its residual suspects are
  the operator's to-do list; until `fedrad anonymize` is rerun and no longer lists it, it stays);
- it has a row in the site's reports.csv, so its identifiers are known;
- `phi_check` finds nothing in the text about to be sent, given that row's structured identifier
  columns exactly as `fedrad anonymize` uses them (client.reports.ReportRow.identifiers).

The reason recorded for a blocked study names counts and suspect types only, never the text
that was found, because the reason itself is written to the quarantine and shown on screen.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field
from pathlib import Path

from fedrad.common.errors import FedradError

SUSPECTS_FILE = "phi-suspects.csv"


class PHIGateError(FedradError, RuntimeError):
    """The gate cannot be built (reports.csv or phi-suspects.csv missing or unreadable): nothing is sent."""


def describe_suspects(suspects: list) -> str:
    """'PHI check found 2 suspect(s) (IDENTIFIER, NAME)': counts and types, no values."""
    kinds = sorted({str(getattr(s, "type", None) or getattr(s, "kind", None) or "suspect") for s in suspects})
    return f"PHI check found {len(suspects)} suspect(s) ({', '.join(kinds)})"


@dataclass
class PHIGate:
    identifiers: dict[str, dict[str, str]]  # study_id -> identifier columns of its reports.csv row
    listed: set[str] = field(default_factory=set)  # study ids in phi-suspects.csv
    _anonymizer: object = None
    site: Path | None = None  # whose own anonymizer terms (fedrad-site.toml) the check also looks for

    @classmethod
    def for_site(cls, site_dir: str | os.PathLike, work_dir: str | os.PathLike | None = None) -> PHIGate:
        from fedrad.client.reports import ReportsFileError, read_reports

        site = Path(site_dir)
        work = Path(work_dir) if work_dir is not None else site / ".fedrad"
        try:
            table = read_reports(site)
        except ReportsFileError as exc:
            raise PHIGateError(f"the PHI gate needs the site's identifiers from reports.csv: {exc}") from None
        suspects = work / SUSPECTS_FILE
        if not suspects.is_file():
            raise PHIGateError(f"{suspects} not found: rerun `fedrad anonymize {site}` (the PHI gate uses its list)")
        with open(suspects, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            if "study_id" not in (reader.fieldnames or []):
                raise PHIGateError(f"{suspects}, row 1, column 'study_id': missing")
            listed = {row["study_id"] for row in reader if row.get("study_id")}
        return cls({r.study_id: dict(r.identifiers) for r in table.rows}, listed, site=site)

    def reason(self, study_id: str, text: str) -> str | None:
        """Why this study must not be sent (None: it may be sent)."""
        from fedrad.client.anonymize import default_anonymizer, site_anonymizer
        from fedrad.client.phi_check import phi_check

        if study_id in self.listed:
            return f"listed in {SUSPECTS_FILE} by the anonymize step"
        if study_id not in self.identifiers:
            return "no usable row in reports.csv, so its identifiers are unknown"
        if self._anonymizer is None:
            self._anonymizer = site_anonymizer(self.site) if self.site is not None else default_anonymizer()
        suspects = phi_check(text, self.identifiers[study_id], anonymizer=self._anonymizer)
        return describe_suspects(suspects) if suspects else None
