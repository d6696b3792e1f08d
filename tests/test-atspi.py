#!/usr/bin/python3
"""Black-box test of the window through AT-SPI: starts the real binary on a
temporary database, completes a Hovedstaden plan from the CPR number to the
referral PDF by accessible names only, then checks the stored plan (through
the command line) and the PDF. Prints TAP.

Run by tests/run-display-test.sh (its own Xvfb with -noreset and a session
bus). Needs Debian's python3 with gi.repository.Atspi (gir1.2-atspi-2.0),
at-spi2-core and poppler-utils. Anything missing is a "Bail out!", never a
skip: CI must run this.

How controls are found: by role and accessible name, walking the tree of the
application from Atspi.get_desktop(0); where a name repeats on several pages
("Yes", "No") the search is scoped to the group (the list named by the
preferences group's title) or the row (the panel named by its question).
Names come from the .ui files and, for the questions and checklist items,
from the region's rule file that the window shows them from.

What GTK 4.8 and libadwaita 1.2 cannot do through AT-SPI, and what this
test does instead:
- GtkCheckButton has no AT-SPI action in GTK 4.8 (the treatment type and
  form, the checklist, the delivery and supply items), AdwComboRow has none
  (place of treatment, IV access), and an AdwEntryRow's apply ("Add a time")
  is reachable only with the keyboard focus, which AT-SPI cannot give
  (Component.grab_focus is not implemented in GTK 4.8). Those controls get a
  mouse click in the middle of their extents (window coordinates: under the
  runner's Xvfb there is no window manager, so the window sits at the
  origin), after scrolling them into view through the scroll bar's Value; a
  combo row's popover is then driven with the arrow keys and Enter, an entry
  row's apply with Enter.
- A GtkDropDown's popover commits only on its list's "activate": the name is
  typed into its search, then Down and Enter choose the one match.
- GTK 4.8 joins an accessible label and the labelled-by text into one name
  ("Save the referral as PDF Referral as PDF"), and keeps a mnemonic's
  underscore ("_New Plan New Plan"): a name matches when it is the wanted
  name, or starts with it followed by a space, once underscores are removed.
- The accessibility bus is started by this script (at-spi-bus-launcher, its
  output on stderr): activated by the session bus, its registry would print
  a line into the TAP on stdout.
"""

import datetime
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import traceback
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)

CPR = "150650-1237"
NAME = "Testperson Hansen"
MUNICIPALITY = "København"
MUNICIPALITY_CODE = "101"
DRUG = "Cefuroxim"
DOSE = "1,5 g"
TIMES = ["08:00", "14:00", "20:00"]
MINUTES = 30
DAYS = 8
# A start date ahead of today: the plan is made before the discharge.
START = (datetime.datetime.now(datetime.timezone.utc).date() + datetime.timedelta(days=1)).isoformat()
REASONS = {
    "tablets": "Ingen peroral behandling med tilstrækkelig effekt",
    "self_administration": "Patienten kan ikke selv håndtere infusionen",
    "iv_pump": "Præparatet er ikke stabilt i 24 timer",
}
PERSON = "Sygeplejerske Jensen"
COURSE = {
    "Expected course": "Feberfri efter 3 døgn, CRP faldende",
    "Observations": "Temperatur og indstikssted dagligt",
    "Suggested blood tests": "CRP og leukocytter dag 4",
    "Changes in medical treatment": "Ingen",
    "How the course ends": "Seponeres efter 8 døgn; PICC fjernes i ambulatoriet",
}
# The answers that make the plan eligible, by the plan path each question
# asks about (the questions themselves are the region's rule texts).
ELIGIBILITY = [
    ("started_in_hospital", True),
    ("stable", True),
    ("requires_admission", False),
    ("medically_suitable", True),
    ("patient_consents", True),
    ("patient_informed", True),
]

WAIT = 15          # seconds for a control or an effect to appear
START_WAIT = 60    # seconds for the application to reach the AT-SPI bus


class TestFailure(Exception):
    pass


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def ok(self, passed, description, diagnostics=None):
        self.count += 1
        if not passed:
            self.failed += 1
        print(f"{'ok' if passed else 'not ok'} {self.count} - {description}")
        if diagnostics and not passed:
            for line in str(diagnostics).rstrip().splitlines():
                print(f"# {line}")
        sys.stdout.flush()
        return passed

    def note(self, text):
        for line in str(text).rstrip().splitlines():
            print(f"# {line}")
        sys.stdout.flush()

    def finish(self):
        print(f"1..{self.count}")
        sys.stdout.flush()
        return 1 if self.failed else 0


def bail(message):
    print(f"Bail out! {message}")
    sys.stdout.flush()
    sys.exit(1)


try:
    import gi
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi, Gio, GLib
except (ImportError, ValueError) as error:
    bail(f"gi.repository.Atspi cannot be imported ({error}): install python3-gi and gir1.2-atspi-2.0, "
         "and run Debian's /usr/bin/python3")


# Finding controls

def name_matches(actual, wanted):
    """GTK 4.8's names, see the module's description."""
    if actual is None:
        return False
    actual = actual.replace("_", "")
    return actual == wanted or actual.startswith(wanted + " ")


def children(acc):
    try:
        count = acc.get_child_count()
    except GLib.Error:
        return []
    result = []
    for i in range(count):
        try:
            child = acc.get_child_at_index(i)
        except GLib.Error:
            child = None
        if child is not None:
            result.append(child)
    return result


def walk(root):
    """Every accessible below @root, @root first, in document order."""
    stack = [root]
    while stack:
        acc = stack.pop()
        yield acc
        stack.extend(reversed(children(acc)))


def role_of(acc):
    try:
        return acc.get_role()
    except GLib.Error:
        return None


def name_of(acc):
    try:
        return acc.get_name()
    except GLib.Error:
        return None


def describe(role, name):
    role_name = Atspi.role_get_name(role) if role is not None else "accessible"
    return f"{role_name} named “{name}”" if name is not None else role_name


def find_all(scope, role, name=None):
    return [acc for acc in walk(scope)
            if role_of(acc) == role and (name is None or name_matches(name_of(acc), name))]


def find(scope, role, name=None, timeout=WAIT, where=None):
    """The first @role named @name below @scope, waiting for it to appear."""
    deadline = time.monotonic() + timeout
    while True:
        for acc in walk(scope):
            if role_of(acc) == role and (name is None or name_matches(name_of(acc), name)):
                return acc
        if time.monotonic() > deadline:
            raise TestFailure(f"no {describe(role, name)}{' in ' + where if where else ''} "
                              f"after {timeout} s")
        time.sleep(0.1)


def wait_for(predicate, what, timeout=WAIT):
    deadline = time.monotonic() + timeout
    while True:
        try:
            if predicate():
                return
        except GLib.Error:
            pass
        if time.monotonic() > deadline:
            raise TestFailure(f"{what}: not so after {timeout} s")
        time.sleep(0.1)


def has_state(acc, state):
    try:
        return acc.get_state_set().contains(state)
    except GLib.Error:
        return False


def text_of(acc):
    return acc.get_text(0, acc.get_character_count())


def labels_below(acc):
    return [name_of(label) for label in find_all(acc, Atspi.Role.LABEL)]


def dump(acc, depth=0, limit=400, out=None):
    """The subtree as text, for a failure's diagnostics."""
    out = [] if out is None else out
    if len(out) >= limit:
        return out
    try:
        out.append("  " * depth + f"{acc.get_role_name()} “{acc.get_name()}”")
    except GLib.Error as error:
        out.append("  " * depth + f"(gone: {error.message})")
        return out
    for child in children(acc):
        dump(child, depth + 1, limit, out)
    return out


# Operating controls

def do_named_action(acc, action):
    for i in range(acc.get_n_actions()):
        if acc.get_action_name(i) == action:
            return acc.do_action(i)
    raise TestFailure(f"{acc.get_role_name()} “{acc.get_name()}” has no action {action}")


def press(acc):
    """A button's or toggle button's own action ("click")."""
    if acc.get_n_actions() < 1:
        raise TestFailure(f"{acc.get_role_name()} “{acc.get_name()}” has no action")
    acc.do_action(0)


def set_text(acc, text):
    acc.set_text_contents(text)
    wait_for(lambda: text_of(acc) == text, f"“{name_of(acc)}” reads “{text}”")


def key(keysym, times=1):
    for _ in range(times):
        Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
        time.sleep(0.08)


KEY_RETURN = 0xff0d
KEY_UP = 0xff52
KEY_DOWN = 0xff54


def ancestor(acc, role):
    parent = acc.get_parent()
    while parent is not None and role_of(parent) != role:
        parent = parent.get_parent()
    return parent


def extents(acc):
    return acc.get_extents(Atspi.CoordType.WINDOW)


def scroll_into_view(acc):
    """Through the vertical scroll bar's Value, so the mouse can reach it."""
    pane = ancestor(acc, Atspi.Role.SCROLL_PANE)
    if pane is None:
        return
    bar = None
    for child in children(pane):
        if role_of(child) == Atspi.Role.SCROLL_BAR:
            e = extents(child)
            if e.height > e.width:
                bar = child
    if bar is None:
        return
    ranges = [acc for acc in walk(bar) if "Value" in acc.get_interfaces()]
    if not ranges:
        return
    value = ranges[0]
    view = extents(pane)
    top, bottom = view.y + 20, view.y + view.height - 20
    for _ in range(10):
        e = extents(acc)
        if e.y >= top and e.y + e.height <= bottom:
            return
        # Centre it; GTK clamps the value to the scroll range.
        delta = (e.y + e.height / 2) - (view.y + view.height / 2)
        value.set_current_value(max(0.0, value.get_current_value() + delta))
        time.sleep(0.2)
    e = extents(acc)
    raise TestFailure(f"{acc.get_role_name()} “{acc.get_name()}” does not scroll into view "
                      f"(at y {e.y}, height {e.height}; the view is {view.y} to {view.y + view.height})")


def click(acc):
    """A mouse click in the middle of a control (see the module's description)."""
    scroll_into_view(acc)
    e = extents(acc)
    if e.width <= 0 or e.height <= 0:
        raise TestFailure(f"{acc.get_role_name()} “{acc.get_name()}” has no size on screen")
    Atspi.generate_mouse_event(e.x + e.width // 2, e.y + e.height // 2, "b1c")
    time.sleep(0.15)


def tick(check_box):
    """A check box on: GTK 4.8's check buttons have no AT-SPI action."""
    if has_state(check_box, Atspi.StateType.CHECKED):
        return
    click(check_box)
    wait_for(lambda: has_state(check_box, Atspi.StateType.CHECKED), f"“{name_of(check_box)}” is ticked")


def answer(scope, question, yes):
    """A Yes/No pair: the panel named by the question holds the two toggles."""
    pair = find(scope, Atspi.Role.PANEL, question, where="the page")
    button = find(pair, Atspi.Role.PUSH_BUTTON, "Yes" if yes else "No", where=f"“{question}”")
    if not has_state(button, Atspi.StateType.CHECKED) and not has_state(button, Atspi.StateType.PRESSED):
        press(button)
    wait_for(lambda: has_state(button, Atspi.StateType.CHECKED) or has_state(button, Atspi.StateType.PRESSED),
             f"“{question}” is answered {'Yes' if yes else 'No'}")


def list_items(lst):
    """(item, its first label's text) for each item of a list."""
    result = []
    for item in children(lst):
        labels = labels_below(item)
        result.append((item, labels[0] if labels else name_of(item)))
    return result


def choose_in_combo_row(row, wanted):
    """An AdwComboRow: a click opens its popover (it has no AT-SPI action),
    the arrow keys move to the item named @wanted, Enter chooses it."""
    click(row)

    def popover_list():
        lists = find_all(row, Atspi.Role.LIST)
        lists = [lst for lst in lists if len(children(lst)) > 1]
        return lists[0] if lists else None

    wait_for(lambda: popover_list() is not None, f"the list of “{name_of(row)}” is open")
    lst = popover_list()
    items = list_items(lst)
    names = [label for _, label in items]
    if wanted not in names:
        raise TestFailure(f"“{name_of(row)}” offers no “{wanted}”: {names}")
    target = names.index(wanted)
    wait_for(lambda: any(has_state(item, Atspi.StateType.FOCUSED) for item, _ in items),
             f"an item of “{name_of(row)}” has the focus")
    current = [i for i, (item, _) in enumerate(items) if has_state(item, Atspi.StateType.FOCUSED)][0]
    if target > current:
        key(KEY_DOWN, target - current)
    elif target < current:
        key(KEY_UP, current - target)
    key(KEY_RETURN)
    wait_for(lambda: wanted in labels_below(row) and popover_list() is None,
             f"“{name_of(row)}” shows “{wanted}”")


def choose_in_drop_down(combo, wanted):
    """A GtkDropDown with search: its button opens the popover, the name is
    typed into the search, Down and Enter choose the one match."""
    press(find(combo, Atspi.Role.PUSH_BUTTON, where=f"“{name_of(combo)}”"))
    search = find(combo, Atspi.Role.ENTRY, where=f"the list of “{name_of(combo)}”")
    set_text(search, wanted)

    def matches():
        return [label for lst in find_all(combo, Atspi.Role.LIST) for _, label in list_items(lst)]

    wait_for(lambda: matches() == [wanted], f"the search in “{name_of(combo)}” leaves only “{wanted}”")
    key(KEY_DOWN)
    key(KEY_RETURN)
    button = find(combo, Atspi.Role.PUSH_BUTTON)
    wait_for(lambda: wanted in labels_below(button) and not find_all(combo, Atspi.Role.ENTRY),
             f"“{name_of(combo)}” shows “{wanted}”")


# The accessibility bus

A11Y_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"


def name_has_owner(bus, name):
    reply = bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                          "NameHasOwner", GLib.Variant("(s)", (name,)), GLib.VariantType("(b)"),
                          Gio.DBusCallFlags.NONE, 5000, None)
    return reply.unpack()[0]


def start_a11y_bus():
    """Starts at-spi2-core's bus launcher ourselves, its output on stderr.
    Activated by the session bus instead, it and the registry it starts
    would inherit the session bus's stdout, which is this test's TAP, and
    the registry prints a line there. Returns the process, or None when the
    session already has an accessibility bus."""
    try:
        bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    except GLib.Error as error:
        bail(f"no session bus ({error.message}): run through tests/run-display-test.sh")
    if name_has_owner(bus, "org.a11y.Bus"):
        return None
    if not os.access(A11Y_LAUNCHER, os.X_OK):
        bail(f"{A11Y_LAUNCHER} is missing: install at-spi2-core (build-aux/install-deps does)")
    launcher = subprocess.Popen([A11Y_LAUNCHER, "--a11y=1", "--screen-reader=0"],
                                stdin=subprocess.DEVNULL, stdout=sys.stderr, stderr=sys.stderr)
    deadline = time.monotonic() + 10
    while not name_has_owner(bus, "org.a11y.Bus"):
        if launcher.poll() is not None or time.monotonic() > deadline:
            bail(f"the accessibility bus did not start ({A11Y_LAUNCHER} "
                 f"{'exited with ' + str(launcher.returncode) if launcher.poll() is not None else 'took over 10 s'})")
        time.sleep(0.05)
    return launcher


def stop(process):
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# The application

class App:
    def __init__(self, binary, tmp):
        self.binary = binary
        self.tmp = tmp
        self.database = os.path.join(tmp, "plans.db")
        self.log_path = os.path.join(tmp, "app.log")
        self.process = None
        self.acc = None
        self.window = None

    def environment(self):
        env = dict(os.environ)
        # Accessibility on: the test's own environment must not turn it off.
        for name in ("GTK_A11Y", "NO_AT_BRIDGE"):
            env.pop(name, None)
        # English names (a locale without a language gets Danish here).
        env["LANGUAGE"] = "en"
        env["LC_ALL"] = "C.UTF-8"
        env.pop("LANG", None)
        env.setdefault("GDK_BACKEND", "x11")
        env.setdefault("GSK_RENDERER", "cairo")
        env.setdefault("GSETTINGS_BACKEND", "memory")
        # Never the user's files: the directory, recent files, settings,
        # and a home of its own for the file chooser.
        for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env[name] = os.path.join(self.tmp, name.lower())
            os.makedirs(env[name], exist_ok=True)
        # GTK's own warnings under AT-SPI (a snapshot before an allocation)
        # are not this application's: only criticals stop it.
        env["G_DEBUG"] = "fatal-criticals"
        return env

    def start(self):
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen([self.binary, "--database", self.database],
                                        env=self.environment(), stdout=self.log, stderr=subprocess.STDOUT)

    def find_on_bus(self):
        deadline = time.monotonic() + START_WAIT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            desktop = Atspi.get_desktop(0)
            for app in children(desktop):
                try:
                    if app.get_process_id() == self.process.pid:
                        self.acc = app
                except GLib.Error:
                    continue
            if self.acc is not None:
                frames = [c for c in children(self.acc) if role_of(c) == Atspi.Role.FRAME]
                if frames:
                    self.window = frames[0]
                    return True
            time.sleep(0.2)
        return False

    def log_tail(self, lines=40):
        try:
            with open(self.log_path, "rb") as f:
                text = f.read().decode("utf-8", "replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def quit(self):
        """Closes the window (the plan is saved as it closes) and waits."""
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else None
        closing = False
        try:
            if self.window is not None:
                closing = do_named_action(self.window, "window.close")
        except (GLib.Error, TestFailure):
            pass
        try:
            return self.process.wait(timeout=20 if closing else 0.1)
        except subprocess.TimeoutExpired:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            return None


# The doctor's flow, step by step

class Flow:
    def __init__(self, app, rules, pdf_path):
        self.app = app
        self.rules = rules
        self.pdf_path = pdf_path

    @property
    def window(self):
        return self.app.window

    def group(self, title):
        """A preferences group's list of rows, named by the group's title."""
        return find(self.window, Atspi.Role.LIST, title, where="the window")

    def go_to_step(self, title):
        steps = find(self.window, Atspi.Role.LIST, "Steps", where="the plan editor")
        names = [name_of(row) for row in children(steps)]
        if title not in names:
            raise TestFailure(f"no step “{title}” in the step list: {names}")
        index = names.index(title)
        steps.select_child(index)
        wait_for(lambda: steps.is_child_selected(index), f"step “{title}” is selected")
        time.sleep(0.4)  # the pages cross-fade

    def question(self, field):
        for rule in self.rules["rules"]:
            if rule.get("params", {}).get("field") == field and rule.get("question"):
                return rule["question"]["en"]
        raise TestFailure(f"the rule file asks no question about {field}")

    def new_plan(self):
        press(find(self.window, Atspi.Role.PUSH_BUTTON, "New Plan", where="the window"))
        find(self.window, Atspi.Role.TEXT, "CPR number", where="a new plan")

    def patient(self):
        group = self.group("Patient")
        set_text(find(group, Atspi.Role.TEXT, "CPR number"), CPR)
        set_text(find(group, Atspi.Role.TEXT, "Name"), NAME)
        choose_in_drop_down(find(self.group("Home Municipality"), Atspi.Role.COMBO_BOX, "Home municipality"),
                            MUNICIPALITY)
        region = find(self.group("Home Municipality"), Atspi.Role.LIST_ITEM, "Region")
        wait_for(lambda: "Capital Region of Denmark" in labels_below(region), "the region follows the municipality")

    def eligibility(self):
        self.go_to_step("Eligibility")
        criteria = self.group("Target Group")
        for field, yes in ELIGIBILITY:
            answer(criteria, self.question(field), yes)
        place = self.group("Place of Treatment")
        choose_in_combo_row(find(place, Atspi.Role.COMBO_BOX, self.question("place.kind")), "Own home")
        answer(place, self.question("place.home_assessed_suitable"), True)

    def priority(self):
        self.go_to_step("Treatment Priority")
        tick(find(self.group("Treatment Type"), Atspi.Role.CHECK_BOX, "IV antibiotics"))
        tick(find(self.group("Treatment Form"), Atspi.Role.CHECK_BOX, "4. IV infusions 2–4 times a day"))
        reasons = self.group("Forms Not Chosen")
        set_text(find(reasons, Atspi.Role.TEXT, "Why not tablets?"), REASONS["tablets"])
        set_text(find(reasons, Atspi.Role.TEXT, "Why not self-administration?"), REASONS["self_administration"])
        set_text(find(reasons, Atspi.Role.TEXT, "Why not an IV pump?"), REASONS["iv_pump"])

    def schedule(self):
        self.go_to_step("Schedule and Access")
        medicine = self.group("Medicine")
        set_text(find(medicine, Atspi.Role.TEXT, "Drug"), DRUG)
        set_text(find(medicine, Atspi.Role.TEXT, "Dose"), DOSE)
        times = self.group("Visit times")
        for t in TIMES:
            add = find(times, Atspi.Role.TEXT, "Add a time (HH:MM)")
            # The time is added on the entry row's apply, which only Enter
            # (or its apply button, shown while it has the focus) gives.
            click(add)
            set_text(add, t)
            # With the focus and a changed text the row shows its apply
            # button (libadwaita's, unnamed): then Enter applies.
            find(add, Atspi.Role.PUSH_BUTTON, where="“Add a time (HH:MM)” with the focus")
            key(KEY_RETURN)
            wait_for(lambda: t in [text_of(row) for row in find_all(times, Atspi.Role.TEXT, "Visit time")],
                     f"visit time {t} is listed")
        course = self.group("Course")
        for name, value in (("Minutes per visit", MINUTES), ("Treatment days", DAYS)):
            spin = find(course, Atspi.Role.SPIN_BUTTON, name)
            spin.set_current_value(float(value))
            wait_for(lambda: spin.get_current_value() == value, f"“{name}” is {value}")
        set_text(find(course, Atspi.Role.TEXT, "Start date (YYYY-MM-DD)"), START)
        answer(course, "Has the first dose been given in hospital?", True)
        safety = self.group("Access and Safety")
        choose_in_combo_row(find(safety, Atspi.Role.COMBO_BOX, "IV access"), "PICC line")
        answer(safety, "Must the citizen not be left alone during the infusion?", False)

    def contact(self):
        self.go_to_step("Municipality Contact")
        log = self.group("Log a Call")
        set_text(find(log, Atspi.Role.TEXT, "Person reached"), PERSON)
        accepted = find(log, Atspi.Role.PUSH_BUTTON, "Accepted")
        press(accepted)
        wait_for(lambda: has_state(accepted, Atspi.StateType.CHECKED) or has_state(accepted, Atspi.StateType.PRESSED),
                 "the answer is Accepted")
        # The button sits below the group's rows, not in its list.
        press(find(self.window, Atspi.Role.PUSH_BUTTON, "Log Call", where="the window"))
        calls = self.group("Logged calls, newest first")
        wait_for(lambda: any(name_matches(name_of(item), f"Accepted · {PERSON}") for item in children(calls)),
                 "the accepted call is logged")
        press(find(self.group("Agreement"), Atspi.Role.PUSH_BUTTON, "Mark START-PHONE Done"))
        phoned = self.checklist_text("START-PHONE")
        check = find(self.group("Agreement"), Atspi.Role.CHECK_BOX, phoned)
        wait_for(lambda: has_state(check, Atspi.StateType.CHECKED), "START-PHONE is done")

    def checklist_text(self, item_id):
        for item in self.rules["checklist"]:
            if item["id"] == item_id:
                return item["text"]["en"]
        raise TestFailure(f"the rule file has no checklist item {item_id}")

    def checklist(self):
        self.go_to_step("FMK Checklist")
        ticked = 0
        for title in ("Start-up", "FMK (Fælles Medicinkort)", "Letters and Ending"):
            for check in find_all(self.group(title), Atspi.Role.CHECK_BOX):
                tick(check)
                ticked += 1
        if ticked == 0:
            raise TestFailure("the checklist has no items")
        plan = self.group("Treatment Plan for the Municipality")
        for name, value in COURSE.items():
            set_text(find(plan, Atspi.Role.TEXT, name), value)
        progress = find(self.window, Atspi.Role.LEVEL_BAR, "Checklist progress")
        wait_for(lambda: progress.get_current_value() == progress.get_maximum_value(), "every item is done")

    def supplies(self):
        self.go_to_step("Supplies")
        tick(find(self.group("Delivery"), Atspi.Role.CHECK_BOX, "To the patient’s home"))
        sent = self.group("Sent from the Hospital")
        checks = find_all(sent, Atspi.Role.CHECK_BOX)
        if not checks:
            raise TestFailure("no supply items to tick")
        for check in checks:
            tick(check)

    def review(self):
        self.go_to_step("Review and Export")
        outcome = self.group("Outcome")
        wait_for(lambda: any(name_matches(name_of(item), "Eligible for municipal IV treatment")
                             for item in children(outcome)),
                 "the review says eligible")
        press(find(self.group("Export"), Atspi.Role.PUSH_BUTTON, "Save the referral as PDF"))
        self.save_as(self.pdf_path)

    def save_as(self, path):
        """GTK's own file chooser (no portal on the test's bus): the full
        path typed into its name field, then Save."""
        title = "Save the Referral as PDF"

        def dialog():
            # GTK 4.8 gives the dialog the role "filler": found by its title.
            tops = [acc for acc in children(self.app.acc)
                    if acc is not None and name_matches(name_of(acc), title)]
            return tops[0] if tops else None

        wait_for(lambda: dialog() is not None, f"the file chooser “{title}” is open")
        chooser = dialog()
        set_text(find(chooser, Atspi.Role.TEXT, "Name:", where="the file chooser"), path)
        press(find(chooser, Atspi.Role.PUSH_BUTTON, "Save", where="the file chooser"))
        wait_for(lambda: dialog() is None, "the file chooser closes")
        wait_for(lambda: os.path.exists(path), f"{path} is written")


STEPS = [
    ("new plan from the “New Plan” button", "new_plan"),
    ("patient: CPR number, name, home municipality København", "patient"),
    ("eligibility: every question answered, own home assessed suitable", "eligibility"),
    ("priority: IV antibiotics, IV 2-4 times a day, reasons against the forms above", "priority"),
    ("schedule: drug, dose, three times, minutes, days, start, first dose, PICC, not-alone", "schedule"),
    ("contact: an accepted call logged, START-PHONE done", "contact"),
    ("checklist: every item ticked, the treatment plan written", "checklist"),
    ("supplies: delivered home, every item ticked", "supplies"),
    ("review: eligible, the referral saved as PDF through the file chooser", "review"),
]


def run_cli(binary, *args, env=None):
    return subprocess.run([binary, *args], capture_output=True, text=True, env=env, timeout=60)


def check_stored_plan(tap, binary, database, tmp, rules):
    env = dict(os.environ)
    env["LANGUAGE"] = "en"
    env["LC_ALL"] = "C.UTF-8"
    listed = run_cli(binary, "--database", database, "--list", env=env)
    plans = []
    if listed.returncode == 0:
        plans = [json.loads(line) for line in listed.stdout.splitlines() if line.strip()]
    if not tap.ok(listed.returncode == 0 and len(plans) == 1, "--list shows the one plan",
                  f"exit {listed.returncode}; {listed.stdout}{listed.stderr}"):
        return None
    summary = plans[0]
    plan_id = summary.get("id")
    out = os.path.join(tmp, "x.json")
    exported = run_cli(binary, "--database", database, "--export-plan", str(plan_id), "--output", out, env=env)
    if not tap.ok(exported.returncode == 0 and os.path.exists(out), f"--export-plan {plan_id} writes the plan file",
                  f"exit {exported.returncode}; {exported.stderr}"):
        return None
    with open(out, encoding="utf-8") as f:
        plan = json.load(f)

    def get(path):
        value = plan
        for part in path.split("."):
            if not isinstance(value, dict) or part not in value:
                return None
            value = value[part]
        return value

    expected = [
        ("patient.cpr", CPR),
        ("patient.name", NAME),
        ("patient.municipality_code", MUNICIPALITY_CODE),
    ]
    expected += [(field, yes) for field, yes in ELIGIBILITY]
    expected += [
        ("place.kind", "home"),
        ("place.home_assessed_suitable", True),
        ("treatment.type", "antibiotic"),
        ("treatment.form", "iv_intermittent"),
        ("alternatives.tablets", REASONS["tablets"]),
        ("alternatives.self_administration", REASONS["self_administration"]),
        ("alternatives.iv_pump", REASONS["iv_pump"]),
        ("treatment.drug", DRUG),
        ("treatment.dose", DOSE),
        ("treatment.administration_times", TIMES),
        ("treatment.minutes_per_administration", MINUTES),
        ("treatment.days", DAYS),
        ("treatment.start_date", START),
        ("treatment.first_dose_given_in_hospital", True),
        ("treatment.access", "picc"),
        ("treatment.must_not_be_left_alone", False),
        ("supplies.delivery", "home"),
        ("course.expected", COURSE["Expected course"]),
        ("course.observations", COURSE["Observations"]),
        ("course.blood_tests", COURSE["Suggested blood tests"]),
        ("course.medication_changes", COURSE["Changes in medical treatment"]),
        ("course.ending", COURSE["How the course ends"]),
    ]
    # The test names say which field, not its value: the log must not
    # hold the test person's CPR number or name (build-aux/privacy-scan).
    private = ("patient.cpr", "patient.name")
    for path, value in expected:
        shown = "as typed" if path in private else f"= {json.dumps(value, ensure_ascii=False)}"
        tap.ok(get(path) == value, f"stored {path} {shown}",
               "" if path in private else f"stored: {json.dumps(get(path), ensure_ascii=False)}")

    calls = get("contact.calls") or []
    tap.ok(len(calls) == 1 and calls[0].get("answer") == "accepted" and calls[0].get("person") == PERSON,
           "stored contact.calls: one accepted call with the person reached",
           json.dumps(calls, ensure_ascii=False))

    checklist = get("checklist") or {}
    wanted = [item["id"] for item in rules["checklist"] if applies(item, plan)]
    missing = [item for item in wanted if checklist.get(item) is not True]
    tap.ok(not missing, f"stored checklist: all {len(wanted)} items that apply are done",
           f"not done: {missing}; stored: {json.dumps(checklist)}")

    checked = run_cli(binary, "--check", out, env=env)
    outcome = None
    try:
        outcome = json.loads(checked.stdout).get("outcome")
    except ValueError:
        pass
    tap.ok(checked.returncode == 0 and outcome == "eligible", "--check on the stored plan: eligible, exit 0",
           f"exit {checked.returncode}; outcome {outcome}; {checked.stdout}{checked.stderr}")
    return plan


def applies(item, plan):
    """A checklist item's "when": every path has one of the values."""
    for path, values in (item.get("when") or {}).items():
        value = plan
        for part in path.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value not in values:
            return False
    return True


def check_pdf(tap, path):
    exists = os.path.isfile(path)
    if not tap.ok(exists, "the referral PDF exists", path):
        return
    mode = stat.S_IMODE(os.stat(path).st_mode)
    tap.ok(mode == 0o600, "the referral PDF has mode 0600", f"mode {oct(mode)}")
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True)
    size = re.search(r"^Page size:\s*(.*)$", info.stdout, re.M)
    tap.ok(info.returncode == 0 and size is not None and "(A4)" in size.group(1), "pdfinfo: A4 pages",
           info.stdout + info.stderr)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True)
    tap.ok(text.returncode == 0 and CPR in text.stdout, "pdftotext: the CPR number", text.stderr)
    tap.ok(text.returncode == 0 and DRUG in text.stdout, f"pdftotext: the drug {DRUG}", text.stderr)


def main():
    tap = Tap()

    binary = os.environ.get("IVD_BINARY")
    if not binary or not os.access(binary, os.X_OK):
        bail("IVD_BINARY is not set to the built iv-discharge")
    data_dir = os.environ.get("IVD_DATA_DIR")
    if not data_dir:
        bail("IVD_DATA_DIR is not set")
    if not os.environ.get("DISPLAY"):
        bail("no DISPLAY: run through tests/run-display-test.sh")
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        bail("no session bus: run through tests/run-display-test.sh (dbus-run-session)")
    for tool in ("pdfinfo", "pdftotext"):
        if shutil.which(tool) is None:
            bail(f"{tool} is not installed (poppler-utils)")
    with open(os.path.join(data_dir, "rules", "hovedstaden.json"), encoding="utf-8") as f:
        rules = json.load(f)

    launcher = start_a11y_bus()
    if Atspi.init() not in (0, 1):
        stop(launcher)
        bail("Atspi.init() failed")

    tmp = tempfile.mkdtemp(prefix="ivd-atspi-")
    pdf_path = os.path.join(tmp, "henvisning.pdf")
    app = App(binary, tmp)
    try:
        app.start()
        if not app.find_on_bus():
            status = app.process.poll()
            app.quit()
            bail(f"the application did not appear on the AT-SPI bus within {START_WAIT} s "
                 f"({'it exited with ' + str(status) if status is not None else 'it is running'}); "
                 f"is at-spi2-core installed? Its output: {app.log_tail(10)!r}")
        tap.note(f"application pid {app.process.pid} on the AT-SPI bus; database {app.database}")

        flow = Flow(app, rules, pdf_path)
        failed_at = None
        for description, method in STEPS:
            if failed_at is not None:
                tap.ok(False, description, f"not reached: “{failed_at}” failed")
                continue
            started = time.monotonic()
            try:
                getattr(flow, method)()
                tap.ok(True, f"{description} ({time.monotonic() - started:.1f} s)")
            except (TestFailure, GLib.Error) as error:
                failed_at = description
                diagnostics = [f"{type(error).__name__}: {error}"]
                diagnostics += traceback.format_exc().splitlines()[-4:]
                if app.process.poll() is not None:
                    diagnostics.append(f"the application exited with {app.process.returncode}")
                else:
                    tops = [f"{c.get_role_name()} “{c.get_name()}”" for c in children(app.acc)]
                    diagnostics.append(f"top-level windows: {', '.join(tops)}")
                    diagnostics.append("the last of them now:")
                    diagnostics += dump(children(app.acc)[-1], limit=250)
                diagnostics.append("the application's output:")
                diagnostics.append(app.log_tail())
                tap.ok(False, description, "\n".join(diagnostics))

        status = app.quit()
        tap.ok(status == 0, "the window closes and the application exits with 0",
               f"exit status {status}\n{app.log_tail()}")
        warnings_seen = [line for line in app.log_tail(200).splitlines() if "WARNING" in line or "CRITICAL" in line]
        if warnings_seen:
            tap.note("the application warned:\n" + "\n".join(warnings_seen[:20]))

        check_stored_plan(tap, binary, app.database, tmp, rules)
        check_pdf(tap, pdf_path)
    finally:
        stop(app.process)
        stop(launcher)
        shutil.rmtree(tmp, ignore_errors=True)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
