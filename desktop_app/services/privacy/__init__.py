"""Personal information under Québec's Law 25 and PIPEDA: retention and purge, erasure on
request, access requests.

De-identifying a person removes what identifies them (names, email, employer, preferred
language, notes, the evidence of their membership verdict, their consents and the staff's
membership decisions about them) and keeps what the reports count (registrations, categories,
the entitling membership, check-ins, payments and their amounts), so reports still add up.
Receipts and credit notes are tax documents: they stay unchanged for ``TAX_RETENTION_YEARS``
after the end of the year they were issued, then lose their buyer's name in turn.
"""

from desktop_app.services.privacy.access import access_report
from desktop_app.services.privacy.purge import PurgePlan, erase_person, plan_purge, purge

__all__ = ["PurgePlan", "access_report", "erase_person", "plan_purge", "purge"]
