"""Printing PDFs to the desk's printer, and previewing them.

The CUPS tests print for real to a cups-pdf queue and read the PDF it writes. They need the
``cups`` and ``printer-driver-cups-pdf`` packages; ``.ci/run`` installs them and starts
``cupsd``. The fixture starts ``cupsd`` and adds the queue itself when it can (as root).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from reportlab.lib.units import inch
from reportlab.pdfgen import canvas

from desktop_app.documents.receipt import render_receipt
from desktop_app.domain.errors import AppError, Invalid
from desktop_app.ui import printing
from desktop_app.ui.desk.receipt_output import receipt_page
from desktop_app.ui.machine_settings import receipt_printer_choice
from desktop_app.ui.preview import PdfPreview, render_preview
from desktop_app.ui.printing import (
    Orientation,
    PrinterChoice,
    PrinterUnavailable,
    PrintOutcome,
    PrintQueue,
    QueueState,
    QueueStatus,
    print_pdf,
    printer_state,
)
from desktop_app.ui.printing.queue import JobStatus
from tests.documents.test_receipts import quebec_receipt

BADGE_W, BADGE_H = 4 * inch, 3 * inch  # 288 × 216 points
BAND_PT = 24  # the blue band along the badge's bottom edge, to see which way is up
MISSING = "Passerelle-no-such-printer"
CUPS_QUEUE = os.environ.get("PASSERELLE_TEST_PRINTER", "BadgePDF")


def badge_pdf(name: str = "Élodie Tremblay", pages: int = 1) -> bytes:
    """A 4 × 3 in badge-like PDF: a frame, a name, and a blue band at the bottom."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(BADGE_W, BADGE_H))
    for _ in range(pages):
        pdf.setLineWidth(2)
        pdf.rect(9, BAND_PT + 4, BADGE_W - 18, BADGE_H - BAND_PT - 13)
        pdf.setFont("Helvetica-Bold", 26)
        pdf.drawString(20, 150, name)
        pdf.setFillColorRGB(0.1, 0.4, 0.8)
        pdf.rect(0, 0, BADGE_W, BAND_PT, fill=1, stroke=0)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def is_blue(rgb: tuple[int, int, int]) -> bool:
    red, _green, blue = rgb
    return blue > 150 and red < 100


def pixel(pdf: bytes, x_fraction: float, y_fraction: float) -> tuple[int, int, int]:
    """The colour at a point of page 1, in fractions of its width and height from top left."""
    image = render_preview(pdf, 0, 36)
    colour = image.pixelColor(
        int(x_fraction * (image.width() - 1)), int(y_fraction * (image.height() - 1))
    )
    return colour.red(), colour.green(), colour.blue()


@pytest.fixture
def print_queue(qtbot: QtBot) -> Iterator[PrintQueue]:
    queue = PrintQueue()
    yield queue
    queue.shutdown()


# --- Choices, printers, save as PDF ---------------------------------------------------------


def test_choice_round_trips_through_a_dict_even_with_strings() -> None:
    choice = PrinterChoice.from_mm("Brother QL-820NWB", 62, 100, Orientation.LANDSCAPE)
    assert PrinterChoice.from_dict(choice.to_dict()) == choice
    # QSettings in INI format gives every value back as a string.
    as_strings = {key: str(value) for key, value in choice.to_dict().items()}
    assert PrinterChoice.from_dict(as_strings) == choice
    assert round(choice.width_pt, 2) == 175.75


@pytest.mark.parametrize(
    "values",
    [
        {},
        {"printer": "P", "width_pt": "wide", "height_pt": 1},
        {"printer": "P", "width_pt": 0, "height_pt": 1},
    ],
)
def test_unreadable_saved_choice_is_invalid(values: dict[str, object]) -> None:
    with pytest.raises(Invalid, match="Choose the printer again"):
        PrinterChoice.from_dict(values)


def test_unknown_printer_is_absent(qapp: object) -> None:
    assert printer_state(MISSING).status is QueueStatus.ABSENT


def test_print_pdf_to_a_missing_printer_says_so(qapp: object) -> None:
    with pytest.raises(PrinterUnavailable) as raised:
        print_pdf(badge_pdf(), PrinterChoice(MISSING, BADGE_W, BADGE_H))
    assert raised.value.message == (
        f"The printer {MISSING} is not available. Check that it is on and connected, "
        "then retry, or save as PDF instead."
    )


def test_print_pdf_refuses_what_is_not_a_pdf(qapp: object) -> None:
    with pytest.raises(Invalid, match="could not be read"):
        print_pdf(b"not a pdf", PrinterChoice(MISSING, BADGE_W, BADGE_H))


# --- The queue ------------------------------------------------------------------------------


def test_missing_printer_fails_clearly_and_marks_nothing_printed(
    qtbot: QtBot, print_queue: PrintQueue
) -> None:
    printed: list[PrintOutcome] = []
    states: list[str] = []
    print_queue.state_changed.connect(states.append)
    with qtbot.waitSignal(print_queue.job_failed, timeout=10_000) as failed:
        job_id = print_queue.submit(
            badge_pdf(), PrinterChoice(MISSING, BADGE_W, BADGE_H), on_success=printed.append
        )
    assert failed.args == [
        job_id,
        printing.translated_message(PrinterUnavailable(printing.choice.T_MISSING, printer=MISSING)),
    ]
    assert f"The printer {MISSING} is not available" in failed.args[1]
    assert printed == []
    assert print_queue.state is QueueState.NEEDS_ATTENTION
    assert states == ["printing", "needs_attention"]
    job = print_queue.job(job_id)
    assert job is not None and isinstance(job.error, PrinterUnavailable)


def test_a_failed_job_can_be_saved_as_pdf_instead(
    qtbot: QtBot, print_queue: PrintQueue, tmp_path: Path
) -> None:
    pdf = badge_pdf()
    printed: list[PrintOutcome] = []
    with qtbot.waitSignal(print_queue.job_failed, timeout=10_000):
        job_id = print_queue.submit(
            pdf, PrinterChoice(MISSING, BADGE_W, BADGE_H), on_success=printed.append
        )
    target = tmp_path / "badge.pdf"
    with qtbot.waitSignal(print_queue.job_succeeded) as succeeded:
        outcome = print_queue.save_instead(job_id, target)
    assert succeeded.args == [job_id]
    assert target.read_bytes() == pdf
    assert printed == [outcome] and outcome.saved_to == target and outcome.pages == 1
    assert print_queue.job(job_id) is None and print_queue.state is QueueState.IDLE
    assert not print_queue.retry(job_id)  # done: it cannot come out a second time


def test_saving_a_failed_badge_onto_a_pipe_or_a_folder_is_refused_and_counts_nothing(
    qtbot: QtBot, print_queue: PrintQueue, tmp_path: Path
) -> None:
    printed: list[PrintOutcome] = []
    with qtbot.waitSignal(print_queue.job_failed, timeout=10_000):
        job_id = print_queue.submit(
            badge_pdf(), PrinterChoice(MISSING, BADGE_W, BADGE_H), on_success=printed.append
        )
    pipe, folder = tmp_path / "badge.pdf", tmp_path / "folder.pdf"
    os.mkfifo(pipe)
    folder.mkdir()
    for target in (pipe, folder):
        with pytest.raises(AppError):
            print_queue.save_instead(job_id, target)
    assert stat.S_ISFIFO(pipe.stat().st_mode) and folder.is_dir()
    assert printed == []  # the badge is not counted as printed
    job = print_queue.job(job_id)
    assert job is not None and job.status is JobStatus.FAILED  # still offered: retry, save


def test_only_failed_jobs_can_be_retried_or_discarded(
    qtbot: QtBot, print_queue: PrintQueue
) -> None:
    assert not print_queue.retry(12345)
    with qtbot.waitSignal(print_queue.job_failed, timeout=10_000):
        job_id = print_queue.submit(badge_pdf(), PrinterChoice(MISSING, BADGE_W, BADGE_H))
    assert print_queue.discard(job_id)
    assert not print_queue.discard(job_id)
    assert print_queue.state is QueueState.IDLE


def test_jobs_run_off_the_gui_thread_one_at_a_time(
    qtbot: QtBot, print_queue: PrintQueue, monkeypatch: pytest.MonkeyPatch
) -> None:
    gui_thread = threading.get_ident()
    release = threading.Event()
    running: list[int] = []
    overlaps: list[int] = []
    real_print_pdf = printing.render.print_pdf

    def held_print_pdf(pdf: bytes, choice: PrinterChoice, title: str) -> PrintOutcome:
        running.append(threading.get_ident())
        if len(running) > 1 and not release.is_set():
            overlaps.append(len(running))
        assert release.wait(30), "the test never released the job"
        return real_print_pdf(pdf, choice, title)

    monkeypatch.setattr(printing.render, "print_pdf", held_print_pdf)
    choice = PrinterChoice(MISSING, BADGE_W, BADGE_H)
    with qtbot.waitSignals([print_queue.job_failed] * 2, timeout=10_000):
        first = print_queue.submit(badge_pdf(), choice)
        second = print_queue.submit(badge_pdf(), choice)
        # The GUI event loop keeps turning while the worker is inside print_pdf...
        qtbot.waitUntil(lambda: len(running) == 1)
        assert print_queue.job(first) is not None
        assert print_queue.job(second) is not None
        qtbot.wait(50)
        assert len(running) == 1  # ...and the second job waits for the first.
        release.set()
    assert running[0] != gui_thread
    assert overlaps == []


# --- Preview --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dpi", "size"), [(100, (400, 300)), (203, (812, 609)), (300, (1200, 900))]
)
def test_preview_has_the_pixel_size_of_the_badge_at_that_dpi(
    qapp: object, dpi: int, size: tuple[int, int]
) -> None:
    image = render_preview(badge_pdf(), 0, dpi)
    assert (image.width(), image.height()) == size
    assert round(image.dotsPerMeterX() * 0.0254) == dpi
    band = image.pixelColor(image.width() // 2, image.height() - 3)
    assert is_blue((band.red(), band.green(), band.blue()))
    corner = image.pixelColor(2, 2)
    assert (corner.red(), corner.green(), corner.blue()) == (255, 255, 255)


def test_preview_widget_shows_pages_scaled_to_fit(qtbot: QtBot) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(316, 316)
    preview.set_pdf(badge_pdf(pages=2))
    assert preview.page_count() == 2
    preview.set_page(5)
    assert preview.current_page() == 1
    shot = preview.grab().toImage()
    # 300 px wide badge fits in 300 × 300: 225 px high, centred; its blue band is at the bottom.
    band = shot.pixelColor(158, 158 + 112 - 4)
    assert is_blue((band.red(), band.green(), band.blue()))
    above = shot.pixelColor(158, 158 - 112 - 6)
    assert not is_blue((above.red(), above.green(), above.blue()))


# --- A real print through CUPS --------------------------------------------------------------


@dataclass(frozen=True)
class CupsQueue:
    name: str
    output_dir: Path


def _tool(name: str) -> str | None:
    # cupsd and lpadmin live in /usr/sbin, which is not on every user's PATH.
    path = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"])
    return shutil.which(name, path=path)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=30, check=False)


def _cups_pdf_output_dir() -> Path:
    """Where cups-pdf writes a job submitted by this user (its ``Out`` setting)."""
    import pwd  # Unix only, like CUPS

    out = "/var/spool/cups-pdf/${USER}"
    config = Path("/etc/cups/cups-pdf.conf")
    if config.is_file():
        for line in config.read_text(encoding="utf-8", errors="replace").splitlines():
            key, _, value = line.strip().partition(" ")
            if key == "Out" and value.strip():
                out = value.strip()
    user = pwd.getpwuid(os.getuid())
    return Path(out.replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name))


def _scheduler_running(lpstat: str) -> bool:
    return _run(lpstat, "-r").stdout.strip() == "scheduler is running"


@pytest.fixture(scope="session")
def cups_server() -> Iterator[CupsQueue]:
    """A running cupsd with a cups-pdf queue; skipped where CUPS is not installed."""
    tools = {
        name: _tool(name)
        for name in ("cupsd", "lpadmin", "lpstat", "cupsenable", "cupsdisable", "cupsaccept")
    }
    if None in tools.values():
        pytest.skip("CUPS is not installed on this machine")
    if not Path("/usr/lib/cups/backend/cups-pdf").exists():
        pytest.skip("cups-pdf (printer-driver-cups-pdf) is not installed on this machine")
    lpstat = str(tools["lpstat"])
    if not _scheduler_running(lpstat):
        started = _run(str(tools["cupsd"]))
        assert started.returncode == 0, f"could not start cupsd: {started.stderr}"
        deadline = time.monotonic() + 15
        while not _scheduler_running(lpstat):
            assert time.monotonic() < deadline, "cupsd did not come up within 15 s"
            time.sleep(0.2)
    created = _run(lpstat, "-p", CUPS_QUEUE).returncode != 0
    if created:
        added = _run(
            str(tools["lpadmin"]), "-p", CUPS_QUEUE, "-E", "-v", "cups-pdf:/",
            "-m", "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd",
            # A job the backend fails is dropped rather than stopping the queue for the rest.
            "-o", "printer-error-policy=abort-job",
        )  # fmt: skip
        assert _run(lpstat, "-p", CUPS_QUEUE).returncode == 0, (
            f"could not add the cups-pdf queue {CUPS_QUEUE}: {added.stderr}"
        )
    yield CupsQueue(CUPS_QUEUE, _cups_pdf_output_dir())
    if created:
        _run(str(tools["lpadmin"]), "-x", CUPS_QUEUE)


@pytest.fixture
def cups_queue(cups_server: CupsQueue) -> CupsQueue:
    """The cups-pdf queue, enabled and accepting jobs: whatever a test before did to it (a
    paused queue, a job its backend failed) is not this test's fault."""
    for tool in ("cupsenable", "cupsaccept"):
        done = _run(str(_tool(tool)), cups_server.name)
        assert done.returncode == 0, f"{tool} {cups_server.name}: {done.stderr}"
    return cups_server


def wait_for_job(qtbot: QtBot, queue: PrintQueue, start: Callable[[], object]) -> None:
    """Call ``start`` (which submits or retries one job) and wait until that job printed;
    fail at once, with the queue's message and what CUPS says, if it failed instead."""
    succeeded: list[int] = []
    failed: list[str] = []
    queue.job_succeeded.connect(succeeded.append)
    queue.job_failed.connect(lambda _job_id, message: failed.append(message))
    start()
    qtbot.waitUntil(lambda: bool(succeeded or failed), timeout=60_000)
    if failed:
        lpstat = _run(str(_tool("lpstat")), "-l", "-p", "-o").stdout
        pytest.fail(f"the print job failed: {failed[0]}\nlpstat -l -p -o:\n{lpstat}")


def _printed_file(output_dir: Path, token: str) -> Path | None:
    """The complete PDF cups-pdf wrote for the job titled ``token``, once it is readable."""
    for path in output_dir.glob(f"{token}*.pdf"):
        try:
            if len(PdfReader(path, strict=True).pages) > 0:
                return path
        except Exception:  # still being written
            return None
    return None


def _displayed_size(path: Path) -> tuple[float, float]:
    """The first page's size as shown (its /Rotate applied), in points."""
    page = PdfReader(path).pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    if int(page.get("/Rotate", 0) or 0) % 180:
        width, height = height, width
    return width, height


def _print_and_wait(
    qtbot: QtBot,
    queue: PrintQueue,
    cups: CupsQueue,
    choice: PrinterChoice,
    on_success: Callable[[PrintOutcome], None],
) -> Path:
    token = f"passerelle-test-{uuid.uuid4().hex[:10]}"
    wait_for_job(
        qtbot, queue, lambda: queue.submit(badge_pdf(), choice, title=token, on_success=on_success)
    )
    qtbot.waitUntil(lambda: _printed_file(cups.output_dir, token) is not None, timeout=60_000)
    output = _printed_file(cups.output_dir, token)
    assert output is not None
    return output


@pytest.mark.parametrize(
    ("stock", "orientation", "media", "band_at"),
    [
        # The badge's own shape: the blue band stays along the bottom.
        ((BADGE_W, BADGE_H), Orientation.PORTRAIT, (288, 216), (0.5, 0.97)),
        # Labels fed short edge first: the page is 3 × 4 in and the badge is turned onto it.
        ((BADGE_H, BADGE_W), Orientation.LANDSCAPE, (216, 288), (0.97, 0.5)),
    ],
    ids=["4x3-portrait", "3x4-fed-landscape"],
)
def test_a_badge_prints_through_cups_at_its_stock_size(
    qtbot: QtBot,
    print_queue: PrintQueue,
    cups_queue: CupsQueue,
    monkeypatch: pytest.MonkeyPatch,
    stock: tuple[float, float],
    orientation: Orientation,
    media: tuple[int, int],
    band_at: tuple[float, float],
) -> None:
    painting_threads: list[int] = []
    real_paint_page = printing.render._paint_page

    def recording_paint_page(*args: object) -> None:
        painting_threads.append(threading.get_ident())
        real_paint_page(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(printing.render, "_paint_page", recording_paint_page)
    printed: list[PrintOutcome] = []
    choice = PrinterChoice(cups_queue.name, *stock, orientation)
    output = _print_and_wait(qtbot, print_queue, cups_queue, choice, printed.append)

    assert painting_threads and threading.get_ident() not in painting_threads
    assert len(printed) == 1 and printed[0].printer == cups_queue.name and printed[0].pages == 1
    assert printed[0].dpi is not None and 150 <= printed[0].dpi <= printing.MAX_DPI
    width, height = _displayed_size(output)
    assert width == pytest.approx(media[0], abs=1) and height == pytest.approx(media[1], abs=1)
    assert is_blue(pixel(output.read_bytes(), *band_at))  # right side up on the stock


def test_a_paused_queue_fails_clearly_then_prints_on_retry(
    qtbot: QtBot, print_queue: PrintQueue, cups_queue: CupsQueue
) -> None:
    printed: list[PrintOutcome] = []
    choice = PrinterChoice(cups_queue.name, BADGE_W, BADGE_H)
    token = f"passerelle-test-{uuid.uuid4().hex[:10]}"
    states: list[str] = []
    print_queue.state_changed.connect(states.append)
    # Jobs of the tests before may still be finishing in CUPS (their PDF written, the job not
    # yet listed as completed): only a job of this test's would be a fault.
    earlier = set(_run(str(_tool("lpstat")), "-o", cups_queue.name).stdout.split("\n"))
    assert _run(str(_tool("cupsdisable")), cups_queue.name).returncode == 0
    try:
        assert printer_state(cups_queue.name).status is QueueStatus.STOPPED
        with qtbot.waitSignal(print_queue.job_failed, timeout=30_000) as failed:
            job_id = print_queue.submit(badge_pdf(), choice, title=token, on_success=printed.append)
    finally:
        assert _run(str(_tool("cupsenable")), cups_queue.name).returncode == 0
    assert failed.args[0] == job_id
    assert f"The printer {cups_queue.name} is paused or in error" in failed.args[1]
    assert printed == []
    assert states == ["printing", "needs_attention"]
    # Nothing was sent: a paused CUPS queue would have held the job and printed it on resume.
    listed = set(_run(str(_tool("lpstat")), "-o", cups_queue.name).stdout.split("\n"))
    assert listed <= earlier

    wait_for_job(qtbot, print_queue, lambda: print_queue.retry(job_id))
    assert len(printed) == 1
    assert states == ["printing", "needs_attention", "printing", "idle"]
    qtbot.waitUntil(lambda: _printed_file(cups_queue.output_dir, token) is not None, timeout=60_000)


def test_an_80mm_roll_receipt_prints_through_cups_on_a_page_of_its_own_length(
    qtbot: QtBot, print_queue: PrintQueue, cups_queue: CupsQueue
) -> None:

    pdf = render_receipt(quebec_receipt("525.00"), layout="roll-80")
    length = float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.height)
    # The page size is set in code from the receipt itself: 80 mm wide, cut at its length.
    choice = receipt_page(receipt_printer_choice(cups_queue.name, "roll-80"), "roll-80", pdf)
    assert round(choice.width_mm) == 80 and choice.height_pt == pytest.approx(length)
    token = f"passerelle-test-{uuid.uuid4().hex[:10]}"
    wait_for_job(qtbot, print_queue, lambda: print_queue.submit(pdf, choice, title=token))
    qtbot.waitUntil(lambda: _printed_file(cups_queue.output_dir, token) is not None, timeout=60_000)
    output = _printed_file(cups_queue.output_dir, token)
    assert output is not None
    width, height = _displayed_size(output)
    assert width == pytest.approx(80 * 72 / 25.4, abs=1) and height == pytest.approx(length, abs=1)


PLUGIN_PROBE = """
import json, sys, threading
from PySide6.QtCore import QLoggingCategory, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

loads = []
main = threading.get_ident()

def handler(_mode, _context, message):
    if "loaded library" in message and threading.get_ident() != main:
        loads.append(message)

QLoggingCategory.setFilterRules("qt.core.library.debug=true")
qInstallMessageHandler(handler)
app = QApplication([])
from desktop_app.ui.printing import PrinterChoice, PrintQueue
from tests.ui.test_printing import BADGE_H, BADGE_W, badge_pdf

queue = PrintQueue()
outcome = []
queue.job_succeeded.connect(lambda _id: (outcome.append("printed"), app.quit()))
queue.job_failed.connect(lambda _id, message: (outcome.append(message), app.quit()))
queue.submit(badge_pdf(), PrinterChoice(sys.argv[1], BADGE_W, BADGE_H), title=sys.argv[2])
QTimer.singleShot(60_000, app.quit)
app.exec()
queue.shutdown()
qInstallMessageHandler(None)
print(json.dumps({"outcome": outcome, "loads": loads}))
"""


def test_the_print_thread_loads_no_qt_plugin_so_a_first_badge_cannot_freeze_the_desk(
    cups_queue: CupsQueue,
) -> None:
    # Qt moves a plugin it loads to the GUI thread under a lock the GUI thread holds while it
    # disconnects a signal; with PySide keeping the interpreter lock on both sides, a first
    # badge painted on the print thread once froze the desk for good. A fresh process shows
    # which plugins the print thread itself loads: none may be.
    token = f"passerelle-test-{uuid.uuid4().hex[:10]}"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PLUGIN_PROBE, cups_queue.name, token],
        capture_output=True, text=True, timeout=120, check=False, env=env,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["outcome"] == ["printed"]
    assert report["loads"] == []
