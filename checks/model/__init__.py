"""The pydantic model of a partnership's knowledge base."""

from checks.model.action import Action, ActionPlan, DueChange, Owner
from checks.model.brief import Audience, Brief
from checks.model.meeting import Meeting, MeetingLog
from checks.model.partnership import Agency, Partnership, Theme, Vocabulary, YearlyReport
from checks.model.procedure import Procedure
from checks.model.review import Register, Review
from checks.model.tor import HistoryEntry, Seat, Suppression, TermsOfReference

__all__ = [
    "Action",
    "ActionPlan",
    "Agency",
    "Audience",
    "Brief",
    "DueChange",
    "HistoryEntry",
    "Meeting",
    "MeetingLog",
    "Owner",
    "Partnership",
    "Procedure",
    "Register",
    "Review",
    "Seat",
    "Suppression",
    "TermsOfReference",
    "Theme",
    "Vocabulary",
    "YearlyReport",
]
