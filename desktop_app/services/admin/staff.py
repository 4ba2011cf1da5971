"""Staff accounts: who may work a desk, their PINs (argon2 hashes only) and supervisor overrides.

Roles are ``desk`` (check in, search, walk-ins) and ``supervisor`` (also overrides, undo and
managing accounts). The first account of a database is created without anyone signing in and
must be a supervisor; every later account is created by an active supervisor.

New PINs are 6 to 8 digits (accounts made before with 4 or 5 still sign in; the demo's
supervisor keeps 1234, as the sign-in dialog says). They are hashed with argon2id at
parameters chosen for a desk laptop:
``time_cost=2``, ``memory_cost=19 MiB``, ``parallelism=1`` (the OWASP minimum for argon2id),
which costs about 20 to 50 ms per sign-in -- unnoticeable to staff, yet slow enough to make
guessing a stolen database's PINs expensive. A hash made with other parameters still verifies
and is upgraded on the next successful sign-in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.db.models import AuditEntry, StaffAccount
from desktop_app.domain.errors import QT_TRANSLATE_NOOP, Conflict, Invalid, NotFound
from desktop_app.services.admin import audit

ROLES: tuple[str, ...] = ("desk", "supervisor", "exhibitor")
EXHIBITOR = "exhibitor"
"""A lead station's account, bound to one exhibitor code: it scans badges for leads and
can never check anyone in nor take a payment (see :func:`refuse_exhibitor`)."""
PIN_MIN_DIGITS = 6
"""For new PINs: a million combinations against a few thousand with four digits."""
PIN_MAX_DIGITS = 8
DEMO_PIN_MIN_DIGITS = 4
NAME_MAX_LENGTH = 120

HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
"""argon2id at about 20-50 ms per hash on a desk laptop; see the module docstring."""

# A hash to verify against when the name is unknown, so a wrong name takes as long as a
# wrong PIN and sign-in timing does not tell which names exist.
_DUMMY_HASH = HASHER.hash("00000000")

_T_WRONG = QT_TRANSLATE_NOOP("AppError", "The name or PIN is wrong.")
_T_WRONG_OVERRIDE = QT_TRANSLATE_NOOP("AppError", "The supervisor name or PIN is wrong.")
_T_WAIT = QT_TRANSLATE_NOOP(
    "AppError",
    "Too many wrong PINs for this name: wait {seconds} s, then try again (or ask a supervisor).",
)
_T_LOCKED = QT_TRANSLATE_NOOP(
    "AppError",
    "This account is locked after {count} wrong PINs. A supervisor unlocks it (Staff, F11).",
)

FREE_ATTEMPTS = 5
"""Wrong PINs in a row before each further attempt must wait (a typo or two is no lockout)."""
LOCK_AFTER = 10
"""Wrong PINs in a row that lock the account until a supervisor unlocks it."""
DELAYS_S = (30, 60, 120, 240, 480)
"""The wait after the 5th, 6th … 9th wrong PIN in a row: guessing a 6-digit PIN one try per
delay would take years; a colleague who forgot waits half a minute."""
_CHAIN_ACTIONS = ("staff.signed_in", "staff.sign_in_failed", "staff.unlocked", "staff.pin_changed")


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Lockout:
    """Where an account stands after wrong PINs in a row (read from the audit log, so every
    desk on a shared database sees the same count)."""

    failures: int
    last_failure: datetime | None

    @property
    def locked(self) -> bool:
        """Locked until a supervisor unlocks it."""
        return self.failures >= LOCK_AFTER

    def wait_s(self, now: datetime) -> int:
        """Seconds to wait before the next attempt (0: may try now)."""
        if self.failures < FREE_ATTEMPTS or self.last_failure is None or self.locked:
            return 0
        delay = DELAYS_S[min(self.failures - FREE_ATTEMPTS, len(DELAYS_S) - 1)]
        left = delay - (now - self.last_failure).total_seconds()
        return max(0, int(left + 0.999))


def lockout(session: Session, account: StaffAccount) -> Lockout:
    """The account's wrong PINs since its last sign-in, unlock or new PIN."""
    entries = session.execute(
        select(AuditEntry.action, AuditEntry.at)
        .where(AuditEntry.subject == _subject(account), AuditEntry.action.in_(_CHAIN_ACTIONS))
        .order_by(AuditEntry.id.desc())
        .limit(LOCK_AFTER + 1)
    ).all()
    failures = 0
    last: datetime | None = None
    for action, at in entries:
        if action != "staff.sign_in_failed":
            break
        failures += 1
        last = last or at
    return Lockout(failures, last)


@dataclass(frozen=True)
class StaffMember:
    """A signed-in member of staff."""

    id: int
    name: str
    role: str  # "desk" | "supervisor" | "exhibitor"
    exhibitor_code: str | None = None  # the exhibitor an "exhibitor" account scans for

    @property
    def is_supervisor(self) -> bool:
        """Whether this member may override, undo and manage accounts."""
        return self.role == "supervisor"


@dataclass(frozen=True)
class Override:
    """A supervisor's permission for an action that would otherwise be refused."""

    supervisor: str
    pin: str
    reason: str


@dataclass(frozen=True)
class StaffAccountInfo:
    """A staff account as the account list shows it (never the PIN hash)."""

    id: int
    name: str
    role: str
    active: bool
    created_at: datetime
    locked: bool = False  # after LOCK_AFTER wrong PINs, until a supervisor unlocks it
    exhibitor_code: str | None = None  # an exhibitor account's exhibitor (its lead station)


def validate_pin(pin: str, *, minimum: int = PIN_MIN_DIGITS) -> str:
    """Return ``pin`` if it is ``minimum`` to 8 digits; raise ``Invalid`` with a clear message
    otherwise."""
    if not (pin.isascii() and pin.isdigit()):
        raise Invalid(QT_TRANSLATE_NOOP("AppError", "A PIN is made of digits only (0-9)."))
    if not minimum <= len(pin) <= PIN_MAX_DIGITS:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "A PIN has {low} to {high} digits; this one has {count}."
            ),
            low=minimum,
            high=PIN_MAX_DIGITS,
            count=len(pin),
        )
    return pin


def validate_name(name: str) -> str:
    """The name trimmed, or ``Invalid`` if it is empty or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise Invalid(QT_TRANSLATE_NOOP("AppError", "Enter the staff member's name."))
    if len(cleaned) > NAME_MAX_LENGTH:
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "A staff name has at most {count} characters."),
            count=NAME_MAX_LENGTH,
        )
    return cleaned


def _validate_role(role: str) -> str:
    if role not in ROLES:
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "Unknown role '{role}': choose desk, supervisor or exhibitor."
            ),
            role=role,
        )
    return role


def refuse_exhibitor(session: Session, staff: str) -> None:
    """Refuse the action if ``staff`` names a lead station's account: an exhibitor scans
    badges for leads, it never checks anyone in nor takes a payment (one indexed lookup)."""
    if session.scalar(
        select(StaffAccount.id).where(StaffAccount.name == staff, StaffAccount.role == EXHIBITOR)
    ):
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError",
                "{name} signed in for a lead station: a lead station cannot check anyone in"
                " or take a payment.",
            ),
            name=staff,
        )


def _member(account: StaffAccount) -> StaffMember:
    return StaffMember(
        id=account.id,
        name=account.name,
        role=account.role,
        exhibitor_code=account.exhibitor_code,
    )


def _info(account: StaffAccount, *, locked: bool = False) -> StaffAccountInfo:
    return StaffAccountInfo(
        id=account.id,
        name=account.name,
        role=account.role,
        active=account.active,
        created_at=account.created_at,
        locked=locked,
        exhibitor_code=account.exhibitor_code,
    )


def _find(session: Session, name: str) -> StaffAccount | None:
    """The account with this name, ignoring case and extra spaces (staff lists are short)."""
    wanted = " ".join(name.split()).casefold()
    if not wanted:
        return None
    for account in session.scalars(select(StaffAccount)):
        if account.name.casefold() == wanted:
            return account
    return None


def _pin_matches(account: StaffAccount | None, pin: str) -> bool:
    """Check ``pin`` against the account's hash (or a dummy one, to take the same time)."""
    try:
        return HASHER.verify(account.pin_hash if account else _DUMMY_HASH, pin) and (
            account is not None
        )
    except (VerificationError, InvalidHashError):
        return False


def _rehash_if_needed(account: StaffAccount, pin: str) -> None:
    if HASHER.check_needs_rehash(account.pin_hash):
        account.pin_hash = HASHER.hash(pin)


def _require_supervisor(session: Session, by: StaffMember) -> StaffAccount:
    """The acting supervisor's account, re-read: a deactivated or demoted one is refused."""
    account = session.get(StaffAccount, by.id)
    if account is None or not account.active or account.role != "supervisor":
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "Only an active supervisor can manage staff accounts.")
        )
    return account


def has_staff(sessions: sessionmaker[Session]) -> bool:
    """Whether any staff account exists (if not, the first run creates a supervisor)."""
    with sessions() as session:
        return bool(session.scalar(select(func.count()).select_from(StaffAccount)))


def create_staff(
    sessions: sessionmaker[Session],
    name: str,
    pin: str,
    role: str,
    *,
    by: StaffMember | None,
    demo: bool = False,
    exhibitor_code: str | None = None,
) -> StaffMember:
    """Create a staff account with an argon2-hashed PIN.

    ``by=None`` is allowed only while no account exists, and then ``role`` must be
    ``supervisor`` (the first run). Afterwards ``by`` must be an active supervisor.
    ``demo`` allows the demo's short PIN (1234). An ``exhibitor`` account needs the
    ``exhibitor_code`` of the lead station it works (and only it has one).
    """
    name = validate_name(name)
    validate_pin(pin, minimum=DEMO_PIN_MIN_DIGITS if demo else PIN_MIN_DIGITS)
    _validate_role(role)
    exhibitor_code = (exhibitor_code or "").strip() or None
    if (role == EXHIBITOR) != (exhibitor_code is not None):
        raise Invalid(
            QT_TRANSLATE_NOOP(
                "AppError", "An exhibitor account, and only one, names its exhibitor's code."
            )
        )
    pin_hash = HASHER.hash(pin)  # slow: outside the transaction
    with sessions.begin() as session:
        if by is None:
            if session.scalar(select(func.count()).select_from(StaffAccount)):
                raise Invalid(
                    QT_TRANSLATE_NOOP(
                        "AppError", "A supervisor must sign in to create staff accounts."
                    )
                )
            if role != "supervisor":
                raise Invalid(
                    QT_TRANSLATE_NOOP("AppError", "The first staff account must be a supervisor.")
                )
        else:
            _require_supervisor(session, by)
        if _find(session, name) is not None:
            raise Conflict(
                QT_TRANSLATE_NOOP("AppError", "There is already a staff member named '{name}'."),
                name=name,
            )
        account = StaffAccount(
            name=name,
            pin_hash=pin_hash,
            role=role,
            active=True,
            created_at=datetime.now(UTC),
            exhibitor_code=exhibitor_code,
        )
        session.add(account)
        session.flush()
        audit.record(
            session,
            "staff.created",
            staff=by.name if by else name,
            subject=f"staff:{account.id}",
            detail={
                "name": name,
                "role": role,
                "first_run": by is None,
                **({"exhibitor": exhibitor_code} if exhibitor_code else {}),
            },
        )
        return _member(account)


def sign_in(sessions: sessionmaker[Session], name: str, pin: str) -> StaffMember:
    """The active staff member with this name and PIN; otherwise ``Invalid`` (audited).

    The message never tells whether the name or the PIN was wrong. After ``FREE_ATTEMPTS``
    wrong PINs in a row an account makes each attempt wait (``DELAYS_S``), and after
    ``LOCK_AFTER`` it is locked until a supervisor unlocks it; while it waits or is locked,
    no PIN is even checked.
    """
    with sessions.begin() as session:
        account = _find(session, name)
        if account is not None:
            standing = lockout(session, account)
            if standing.locked:
                raise Invalid(_T_LOCKED, count=standing.failures)
            wait = standing.wait_s(_now())
            if wait:
                raise Invalid(_T_WAIT, seconds=wait)
        if account is not None and account.active and _pin_matches(account, pin):
            _rehash_if_needed(account, pin)
            audit.record(session, "staff.signed_in", staff=account.name, subject=_subject(account))
            return _member(account)
        if account is None:
            _pin_matches(None, pin)
        audit.record(
            session,
            "staff.sign_in_failed",
            staff=" ".join(name.split())[:NAME_MAX_LENGTH] or None,
            subject=_subject(account) if account else None,
            detail={"reason": "inactive" if account is not None and not account.active else None},
            at=_now(),
        )
        locked_now = account is not None and lockout(session, account).locked
        if locked_now and account is not None:
            audit.record(
                session,
                "staff.locked",
                subject=_subject(account),
                detail={"name": account.name, "failures": LOCK_AFTER},
                at=_now(),
            )
    if locked_now:  # the wrong PIN and the lock are recorded (committed) before saying so
        raise Invalid(_T_LOCKED, count=LOCK_AFTER)
    raise Invalid(_T_WRONG)


def unlock(sessions: sessionmaker[Session], staff_id: int, *, by: StaffMember) -> StaffAccountInfo:
    """A supervisor unlocks an account locked (or waiting) after wrong PINs (audited)."""
    with sessions.begin() as session:
        _require_supervisor(session, by)
        account = _get(session, staff_id)
        audit.record(
            session,
            "staff.unlocked",
            staff=by.name,
            subject=_subject(account),
            detail={"name": account.name},
            at=_now(),
        )
        return _info(account, locked=False)


def sign_out(sessions: sessionmaker[Session], staff: StaffMember, desk: str) -> None:
    """Record that ``staff`` signed out of ``desk`` (the end of a shift, or a change of staff)."""
    with sessions.begin() as session:
        audit.record(
            session, "staff.signed_out", desk=desk, staff=staff.name, subject=f"staff:{staff.id}"
        )


def _subject(account: StaffAccount) -> str:
    return f"staff:{account.id}"


def verify_override(session: Session, override: Override) -> StaffMember:
    """The supervisor granting ``override``, inside the caller's unit of work.

    ``Invalid`` unless the reason is given and the name is an active supervisor's with the
    right PIN. The caller audits the override it applies (with supervisor and reason).
    """
    if not override.reason.strip():
        raise Invalid(QT_TRANSLATE_NOOP("AppError", "An override needs a reason."))
    account = _find(session, override.supervisor)
    if account is not None:  # a supervisor's PIN guessed through F8 waits and locks too
        standing = lockout(session, account)
        if standing.locked:
            raise Invalid(_T_LOCKED, count=standing.failures)
        wait = standing.wait_s(_now())
        if wait:
            raise Invalid(_T_WAIT, seconds=wait)
    if account is None or not _pin_matches(account, override.pin):
        if account is None:
            _pin_matches(None, override.pin)
        raise Invalid(_T_WRONG_OVERRIDE)
    if not account.active or account.role != "supervisor":
        raise Invalid(
            QT_TRANSLATE_NOOP("AppError", "{name} is not an active supervisor."),
            name=account.name,
        )
    return _member(account)


def approve_override(sessions: sessionmaker[Session], override: Override) -> StaffMember:
    """A supervisor's approval checked on its own (the override dialog, before the action):
    a wrong PIN is recorded as a failed sign-in of that supervisor, so guessing a PIN through
    the override counts towards the same wait and lock as the sign-in."""
    with sessions.begin() as session:
        try:
            return verify_override(session, override)
        except Invalid as error:
            account = _find(session, override.supervisor)
            if account is None or error.template not in (_T_WRONG_OVERRIDE, _T_WRONG):
                raise
            audit.record(
                session,
                "staff.sign_in_failed",
                staff=account.name,
                subject=_subject(account),
                detail={"reason": "override"},
                at=_now(),
            )
            failed = error
    raise failed


def list_staff(sessions: sessionmaker[Session]) -> list[StaffAccountInfo]:
    """Every staff account, by name (active and inactive)."""
    with sessions() as session:
        accounts = session.scalars(select(StaffAccount)).all()
        return sorted(
            (_info(a, locked=lockout(session, a).locked) for a in accounts),
            key=lambda a: a.name.casefold(),
        )


def _get(session: Session, staff_id: int) -> StaffAccount:
    account = session.get(StaffAccount, staff_id)
    if account is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("AppError", "There is no staff account {id}."), id=staff_id
        )
    return account


def _other_active_supervisors(session: Session, account: StaffAccount) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(StaffAccount)
            .where(
                StaffAccount.role == "supervisor",
                StaffAccount.active.is_(True),
                StaffAccount.id != account.id,
            )
        )
        or 0
    )


def set_active(
    sessions: sessionmaker[Session], staff_id: int, active: bool, *, by: StaffMember
) -> StaffAccountInfo:
    """Activate or deactivate an account (supervisors only; the last supervisor stays)."""
    with sessions.begin() as session:
        _require_supervisor(session, by)
        account = _get(session, staff_id)
        if account.active == active:
            return _info(account)
        if (
            not active
            and account.role == "supervisor"
            and not _other_active_supervisors(session, account)
        ):
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "AppError",
                    "{name} is the last active supervisor; create another supervisor first.",
                ),
                name=account.name,
            )
        account.active = active
        audit.record(
            session,
            "staff.activated" if active else "staff.deactivated",
            staff=by.name,
            subject=_subject(account),
            detail={"name": account.name},
        )
        return _info(account)


def change_pin(
    sessions: sessionmaker[Session],
    staff_id: int,
    new_pin: str,
    *,
    by: StaffMember,
    old_pin: str | None = None,
) -> None:
    """Set a new PIN: one's own with the current PIN, or anyone's as a supervisor.

    A supervisor resetting someone else's PIN does not need the old one.
    """
    validate_pin(new_pin)
    new_hash = HASHER.hash(new_pin)
    with sessions.begin() as session:
        account = _get(session, staff_id)
        own = by.id == account.id
        if own and not by.is_supervisor:
            if old_pin is None or not _pin_matches(account, old_pin):
                raise Invalid(QT_TRANSLATE_NOOP("AppError", "The current PIN is wrong."))
        elif own:
            if old_pin is not None and not _pin_matches(account, old_pin):
                raise Invalid(QT_TRANSLATE_NOOP("AppError", "The current PIN is wrong."))
            _require_supervisor(session, by)
        else:
            _require_supervisor(session, by)
        account.pin_hash = new_hash
        audit.record(
            session,
            "staff.pin_changed",
            staff=by.name,
            subject=_subject(account),
            detail={"name": account.name, "reset_by_supervisor": not own},
        )
