"""The partnership, its agencies and its vocabulary of themes (``data/*.yaml``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Annotated

from dateutil.relativedelta import relativedelta
from pydantic import Field

from checks.model.common import IsoDate, Located, Slug, Text
from checks.model.working_days import Nation


class Agency(Located):
    """An organisation that takes part in the partnership."""

    id: Slug
    name: Text
    statutory: bool = Field(
        default=False,
        description="true for the three statutory safeguarding partners: "
        "the local authority, the integrated care board and the police",
    )
    short: str | None = Field(default=None, description="a short name, e.g. 'ICB'")
    delivers_for: Slug | None = Field(
        default=None,
        description="the statutory partner whose services this body delivers (e.g. a "
        "children's trust delivering the council's children's services): its seat and its "
        "presence at a meeting count as that partner's",
    )


def standing_for(agencies: Mapping[str, Agency], ids: Iterable[str | None]) -> set[str]:
    """The agencies ``ids`` name, with each statutory partner a body among them
    delivers services for: the children's trust's seat is the council's too."""
    out: set[str] = set()
    for agency_id in ids:
        if agency_id is None:
            continue
        out.add(agency_id)
        agency = agencies.get(agency_id)
        if agency is not None and agency.delivers_for:
            out.add(agency.delivers_for)
    return out


class YearlyReport(Located):
    """One of the partnership's published yearly reports."""

    period: str | None = Field(
        default=None, description="the period the report covers, e.g. '2024 to 2025'"
    )
    published_on: IsoDate = Field(description="the date the report was published")

    def next_due(self, months: int = 12) -> date:
        """When the next report is due: Working Together asks for one in every 12 months."""
        return self.published_on + relativedelta(months=months)


class OfficeHolder(Located):
    """Someone whose office the partnership publishes, by name: a ToR or a procedure
    may name them (a learning brief never names anyone)."""

    name: Text = Field(description="the office-holder's name, as ToRs and procedures write it")
    role: Text = Field(description="the office, e.g. 'Independent Chair of the Partnership'")


class Partnership(Located):
    """``data/partnership.yaml``: who the partnership is."""

    name: Text
    short_name: str | None = None
    area: Text = Field(description="the (invented) place the partnership covers")
    nation: Nation = Field(
        default="ENG",
        description="whose bank holidays count: ENG, WLS, SCT or NIR",
    )
    website: str | None = None
    role_mailboxes: list[Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+$")]] = Field(
        default_factory=list,
        description="shared role mailboxes that may appear in published pages",
    )
    agencies: list[Agency] = Field(min_length=1)
    public_office_holders: list[OfficeHolder] = Field(
        default_factory=list,
        description="office-holders whose names ToRs and procedures may publish (never a "
        "learning brief): the independent chair, the independent scrutineer and the like",
    )
    yearly_reports: list[YearlyReport] = Field(
        default_factory=list,
        description="the partnership's published yearly reports; Working Together expects "
        "one in every 12-month period",
    )

    def latest_yearly_report(self, today: date) -> YearlyReport | None:
        """The most recent yearly report published on or before ``today``."""
        published = [r for r in self.yearly_reports if r.published_on <= today]
        return max(published, key=lambda r: r.published_on, default=None)


class Theme(Located):
    """One entry in the vocabulary of themes that briefs may use."""

    id: Slug
    label: Text
    description: str | None = None


class Vocabulary(Located):
    """``data/themes.yaml``: the themes briefs may be tagged with."""

    themes: list[Theme] = Field(min_length=1)
