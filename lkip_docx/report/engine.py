"""The Word template engine: docxtpl and its Jinja environment, set up once for rendering
(render.py) and for checking templates (template_check.py). The only module importing docxtpl.

Templates travel between agencies, so a template is untrusted input. What it may do:

- **Sandbox.** Jinja runs in its immutable sandbox: no attribute beginning with ``_``, no method
  that changes data. On top of that an attribute is reachable only on the kinds of value the
  report's data is made of (text, numbers, lists, mappings) and Jinja's own helpers (``loop``,
  ``cycler`` ...), and there only the harmless, read-only methods listed in ``SAFE_METHODS``:
  the docxtpl objects a context holds (pictures, paragraph blocks) lead to the document and the
  file system, so they have no attributes at all. User text is escaped (autoescape, braces
  protected from docxtpl's own escapes) and a variable the data lacks is an error
  (StrictUndefined), never a blank.

- **Bounded work.** A render may not run or grow without end (the ``MAX_*`` constants below, each
  far above what the biggest real report needs). There is no watchdog thread: interrupting a
  thread from outside is not portable and cannot stop one long C operation anyway. Instead:

  * every construct that *repeats* passes a checkpoint that counts a step and, every few steps,
    reads the CPU time of the rendering thread (``time.thread_time``, on every platform): each
    iteration of a ``{% for %}`` loop (the compiler wraps every loop's iterable), each call (a
    macro, ``caller()``, ``loop()``, a method) and each filter. Recursion that runs away ends in
    Python's RecursionError, reported the same way;
  * every construct that can *build something big in one go* is checked before it runs, by the
    size of what it would make: the operators ``+ * % **`` (intercepted by the sandbox), ``~``
    (the compiler turns it into a checked join), ``range``, ``lipsum``, the filters and string
    methods that widen or repeat text (``center``, ``indent``, ``wordwrap``, ``replace``,
    ``join``, ``format``, ``batch``, ``slice`` ...), formatting fields (``'%9999d'``,
    ``'{:>9999}'``) and the printing of a list or mapping. Every string, list or number made this
    way is measured again afterwards and counted towards a total for the render, so that many
    allowed steps cannot add up to gigabytes either; the output of the template is counted as it
    is produced.

  A render that exceeds a bound stops with TemplateLimitError, which names the bound; render.py
  reports it as ``template-too-much-work`` and nothing is written. template_check.py refuses the
  constructs that cannot be legitimate in a report template (``lipsum``, ``namespace``,
  recursion, internal attributes, calls of anything but a template function or a listed method)
  and, where the size is written in the template, the ones that would exceed a bound.

- **Compiled code is the sandbox's own.** Code compiled by this environment is remembered in
  memory and on disk (compile_cache.py); the key covers everything that shapes it: the
  environment's class, whether it is sandboxed, the intercepted operators, the code generator
  that adds the checkpoints (``CHECKPOINTS`` is bumped whenever they change), autoescape,
  undefined, finalize and the syntax settings. Code compiled any other way is never picked up.
"""

from __future__ import annotations

import marshal
import os
import re
import stat
import string
import sys
import threading
import time
import zipfile
import zlib
from collections import OrderedDict
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterator, NoReturn

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage, RichText, RichTextParagraph
from jinja2 import StrictUndefined, Template, nodes, pass_context
from jinja2.compiler import CodeGenerator
from jinja2.exceptions import TemplateRuntimeError
from jinja2.runtime import LoopContext, Macro, markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Cycler, Joiner, Namespace, generate_lorem_ipsum
from lxml import etree
from markupsafe import Markup, escape

from lkip_docx import fmt
from lkip_docx.problems import LkipError, error
from lkip_docx.report import compile_cache
from lkip_docx.report.richtext import PARAS

TEMPLATE_NAME = "report_template.docx"
MAIN_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MAX_UNPACKED = 200 * 1024 * 1024
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def default_template() -> Path:
    """The template shipped inside the package (the layout of the reference LKIP)."""
    return Path(__file__).resolve().parent.parent / "templates" / TEMPLATE_NAME


# --- the bounds of a render --------------------------------------------------------------------
# The report's Jinja work takes about 10 ms and writes about 0,5 MB of XML for the sample; the
# bounds leave room for a report many times bigger on a slow computer.

#: CPU seconds the template's own logic (Jinja running it, all parts together) may take.
MAX_SECONDS = 5.0
#: Loop iterations, calls and filters of one render.
MAX_STEPS = 10_000_000
#: Characters of one string the template builds (by an operator, a filter, a macro or a block).
MAX_TEXT = 10_000_000
#: Items of one list, range or other sequence the template builds.
MAX_ITEMS = 100_000
#: Characters of XML one render writes, all parts together.
MAX_OUTPUT = 50_000_000
#: Bytes of memory everything the template's operations build in one render takes together.
MAX_WORK = 200_000_000
#: Bits of an integer the template computes (about 1.200 digits).
MAX_INT_BITS = 4_096
#: Width or precision of one formatting field ('%9d', '{:>9}', center(9), indent(9)).
MAX_FIELD = 1_000
#: Version of the checkpoints the compiler adds; part of the compile cache's key.
CHECKPOINTS = 1


def _n(value: int) -> str:
    return fmt.number(value, places=0)


LIMITS = {
    "time": lambda: f"batas waktu {MAX_SECONDS:g} detik untuk logika templat (perulangan atau "
                    "makro yang terlalu banyak)",
    "steps": lambda: f"batas {_n(MAX_STEPS)} langkah (putaran perulangan, pemanggilan, filter)",
    "recursion": lambda: "batas kedalaman rekursi (makro atau perulangan yang memanggil dirinya "
                         "sendiri)",
    "text": lambda: f"batas {_n(MAX_TEXT)} karakter untuk satu teks yang dibuat templat",
    "items": lambda: f"batas {_n(MAX_ITEMS)} butir untuk satu daftar atau range",
    "output": lambda: f"batas {_n(MAX_OUTPUT)} karakter hasil templat",
    "work": lambda: f"batas {_n(MAX_WORK // 1_000_000)} MB memori untuk semua teks dan daftar "
                    "yang dibuat templat",
    "number": lambda: f"batas besar angka ({_n(MAX_INT_BITS)} bit)",
    "field": lambda: f"batas lebar/presisi format {_n(MAX_FIELD)} (mis. '%9999d', center(9999))",
    "memory": lambda: "batas memori komputer",
}


class TemplateLimitError(TemplateRuntimeError):
    """A render (or a check) stopped at one of the bounds; ``limit`` is its key in LIMITS."""

    def __init__(self, limit: str):
        self.limit = limit
        super().__init__(f"templat melampaui {LIMITS[limit]()}")


def _too_much(limit: str) -> NoReturn:
    raise TemplateLimitError(limit)


class _Guard:
    """The work of one render so far. Checked by every checkpoint of the sandbox."""

    def __init__(self) -> None:
        self.steps = 0
        self.cpu = 0.0
        self.since: float | None = None
        self.output = 0
        self.work = 0

    @contextmanager
    def running(self) -> Iterator[None]:
        """Count the CPU time spent inside (Jinja executing the template)."""
        if self.since is not None:
            yield
            return
        self.since = time.thread_time()
        try:
            yield
        finally:
            self.cpu += time.thread_time() - self.since
            self.since = None

    def check_time(self) -> None:
        if self.since is not None and self.cpu + time.thread_time() - self.since > MAX_SECONDS:
            _too_much("time")

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            _too_much("steps")
        if not self.steps & 0x3F:
            self.check_time()

    def made(self, size: int) -> None:
        """``size`` more bytes built by the template."""
        self.work += size
        if self.work > MAX_WORK:
            _too_much("work")
        if size > 100_000:
            self.check_time()

    def wrote(self, size: int) -> None:
        self.output += size
        if self.output > MAX_OUTPUT:
            _too_much("output")


_ACTIVE = threading.local()


def _guard() -> _Guard:
    """The guard of the render running in this thread (a fresh one outside a render, as when
    Jinja folds constants while compiling: the size checks still apply)."""
    return getattr(_ACTIVE, "guard", None) or _Guard()


@contextmanager
def render_limits() -> Iterator[_Guard]:
    """The bounds for everything rendered (or evaluated by the check) inside, together."""
    current = getattr(_ACTIVE, "guard", None)
    if current is not None:
        yield current
        return
    _ACTIVE.guard = guard = _Guard()
    try:
        yield guard
    except RecursionError:
        raise TemplateLimitError("recursion") from None
    except MemoryError:
        raise TemplateLimitError("memory") from None
    finally:
        _ACTIVE.guard = None


# --- sizes, measured before anything is built ----------------------------------------------------

def text_size(value: Any, limit: int = MAX_TEXT) -> int:
    """About how many characters ``str(value)`` has (never fewer), found without building it;
    the count stops soon after it passes ``limit``."""
    total = 0
    stack = [value]
    while stack and total <= limit:
        v = stack.pop()
        nested = v is not value
        if isinstance(v, str):
            # Inside a list the repr is printed: quotes, and escapes for unusual characters.
            total += len(v) if not nested else (2 * len(v) + 2 if v.isascii() else 10 * len(v) + 2)
        elif isinstance(v, bool) or v is None:
            total += 5
        elif isinstance(v, int):
            total += v.bit_length() // 3 + 2
        elif isinstance(v, (float, Decimal)):
            total += 32 if isinstance(v, float) else len(v.as_tuple().digits) + 32
        elif isinstance(v, dict):
            total += 2 + 4 * len(v)
            stack.extend(v.keys())
            stack.extend(v.values())
        elif isinstance(v, (list, tuple, set, frozenset)):
            total += 2 + 2 * len(v)
            stack.extend(v)
        elif isinstance(v, Namespace):
            total += 13
            stack.append(object.__getattribute__(v, "_Namespace__attrs"))
        elif isinstance(v, (RichText, RichTextParagraph)):
            total += len(v.xml)
        else:
            total += 1_000  # a picture, a loop, a macro ...: a short text
    return total


def _check_text(value: Any) -> None:
    if text_size(value) > MAX_TEXT:
        _too_much("text")


def _checked(value: Any) -> Any:
    """A value an operation of the template made: within the bounds, and counted."""
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            _too_much("text")
        _guard().made(sys.getsizeof(value))
    elif isinstance(value, (list, tuple, dict, set, frozenset)):
        if len(value) > MAX_ITEMS:
            _too_much("items")
        _guard().made(sys.getsizeof(value))
    elif isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        _too_much("number")
    return value


def _small(number: Any, limit: int = MAX_FIELD, what: str = "field") -> None:
    """A width, count or precision given to a filter or a format."""
    if isinstance(number, int) and number > limit:
        _too_much(what)


def _sized(value: Any) -> int | None:
    """The length of a string or sequence, None for anything else."""
    return len(value) if isinstance(value, (str, list, tuple)) else None


def _check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse ``left <operator> right`` when its result would pass a bound."""
    if operator == "*":
        if isinstance(left, int) and _sized(right) is not None:
            left, right = right, left
        if _sized(left) is not None and isinstance(right, int):
            limit, what = (MAX_TEXT, "text") if isinstance(left, str) else (MAX_ITEMS, "items")
            if len(left) * max(right, 0) > limit:
                _too_much(what)
        elif isinstance(left, int) and isinstance(right, int):
            if left.bit_length() + right.bit_length() > MAX_INT_BITS:
                _too_much("number")
    elif operator == "**":
        # Floats and Decimals overflow quickly by themselves; an integer grows without end.
        if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
            if left.bit_length() * right > MAX_INT_BITS:
                _too_much("number")
    elif operator == "+":
        if _sized(left) is not None and _sized(right) is not None:
            limit, what = (MAX_TEXT, "text") if isinstance(left, str) else (MAX_ITEMS, "items")
            if len(left) + len(right) > limit:
                _too_much(what)
    elif operator == "%" and isinstance(left, str):
        _check_percent_format(left, right)


_PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?(.|$)",
                            re.DOTALL)


def _check_number_text(digits: str | None) -> None:
    if digits == "*" or (digits and (len(digits) > 6 or int(digits) > MAX_FIELD)):
        _too_much("field")


def _check_percent_format(text: str, args: Any) -> None:
    """``text % args``: no field wider than MAX_FIELD, and no result longer than MAX_TEXT."""
    fields = 0
    for m in _PERCENT_FIELD.finditer(text):
        if m.group(3) == "%":
            continue
        _check_number_text(m.group(1))
        _check_number_text(m.group(2))
        fields += 1
    _check_fields(text, fields, args)


def _check_fields(text: str, fields: int, args: Any) -> None:
    if fields and len(text) + fields * (text_size(args) + MAX_FIELD) > MAX_TEXT:
        _too_much("text")


def _check_brace_format(text: str, args: Any) -> None:
    """``text.format(...)``: as _check_percent_format, for '{}' fields."""
    fields = 0
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        return  # str.format raises the same error itself
    for _literal, name, spec, _conversion in parsed:
        if name is None:
            continue
        fields += 1
        if spec and "{" in spec:
            _too_much("field")  # a width taken from an argument: '{:{w}}'
        for digits in re.findall(r"\d+", spec or ""):
            _check_number_text(digits)
    _check_fields(text, fields, args)


def _arg(args: tuple, kwargs: dict, index: int, name: str, default: Any = None) -> Any:
    """A filter's argument, given by position (the value is 0) or by name."""
    if len(args) > index:
        return args[index]
    return kwargs.get(name, default)


def _check_replace(s: Any, old: Any, new: Any, count: Any = None) -> None:
    if not isinstance(s, str):
        _check_text(s)
        s = str(s)
    old, new = str(old), str(new)
    grow = len(new) - len(old)
    if grow <= 0:
        return
    times = len(s) + 1 if not old else s.count(old)
    if isinstance(count, int) and count >= 0:
        times = min(times, count)
    if len(s) + times * grow > MAX_TEXT:
        _too_much("text")


def check_filter(name: str, args: tuple, kwargs: dict) -> tuple:
    """Refuse a filter whose result would pass a bound; returns its (possibly materialised)
    arguments."""
    value = args[0] if args else None
    if name in ("list", "sort", "batch", "slice", "groupby", "unique", "dictsort") \
            and isinstance(value, str) and len(value) > MAX_ITEMS:
        _too_much("items")
    if name in _TEXT_FILTERS:
        _check_text(value)
    if name == "center":
        _small(_arg(args, kwargs, 1, "width", 80))
    elif name == "indent":
        width = _arg(args, kwargs, 1, "width", 4)
        size = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
        _small(size)
        lines = str(value).count("\n") + 1 if isinstance(value, str) else text_size(value)
        if text_size(value) + lines * size > MAX_TEXT:
            _too_much("text")
    elif name == "wordwrap":
        wrap = _arg(args, kwargs, 3, "wrapstring", None)
        wrap_len = len(str(wrap)) if wrap is not None else 1
        _small(wrap_len)
        if text_size(value) * (1 + wrap_len) > MAX_TEXT:
            _too_much("text")
    elif name == "truncate":
        end = _arg(args, kwargs, 3, "end", "...")
        _small(len(str(end)))
    elif name == "replace":
        _check_replace(value, _arg(args, kwargs, 1, "old", ""), _arg(args, kwargs, 2, "new", ""),
                       _arg(args, kwargs, 3, "count", None))
    elif name == "format":
        _check_percent_format(str(value), kwargs or args[1:])
    elif name == "join":
        items = list(value) if value is not None and not isinstance(value, str) else value
        if isinstance(items, list) and len(items) > MAX_ITEMS:
            _too_much("items")
        separator = str(_arg(args, kwargs, 1, "d", ""))
        count = len(items) if items is not None else 0
        if text_size(items) + count * len(separator) > MAX_TEXT:
            _too_much("text")
        args = (items,) + args[1:]
    elif name == "batch":
        _small(_arg(args, kwargs, 1, "linecount", 1), MAX_ITEMS, "items")
    elif name == "slice":
        _small(_arg(args, kwargs, 1, "slices", 1), MAX_ITEMS, "items")
    elif name == "tojson":
        indent = _arg(args, kwargs, 1, "indent", None)
        _small(indent if isinstance(indent, int) else 0, 8)
        if text_size(value) * (1 + (indent or 0)) > MAX_TEXT:
            _too_much("text")
    elif name == "sum":
        start = _arg(args, kwargs, 2, "start", 0)
        if not isinstance(start, (int, float, Decimal)):
            _too_much("items")  # adding up lists or texts copies them again at every item
    return args


#: Filters that turn their input into text.
_TEXT_FILTERS = frozenset({
    "capitalize", "center", "e", "escape", "forceescape", "format", "indent", "lower", "pprint",
    "replace", "safe", "string", "striptags", "title", "tojson", "trim", "truncate", "upper",
    "urlencode", "urlize", "wordcount", "wordwrap", "xmlattr", "int", "float"})


def _guarded_filter(name: str, func: Callable) -> Callable:
    """``func`` behind a checkpoint and the size checks. Marked as needing the context, which
    also keeps Jinja from running it while compiling (constant folding)."""
    kind = getattr(getattr(func, "jinja_pass_arg", None), "name", None)

    @pass_context
    def filter_(context, *args, **kwargs):
        _guard().step()
        args = check_filter(name, args, kwargs)
        if kind == "context":
            result = func(context, *args, **kwargs)
        elif kind == "eval_context":
            result = func(context.eval_ctx, *args, **kwargs)
        elif kind == "environment":
            result = func(context.environment, *args, **kwargs)
        else:
            result = func(*args, **kwargs)
        return _checked(result)

    filter_.__name__ = getattr(func, "__name__", name)
    filter_.__doc__ = func.__doc__
    return filter_


def _safe_range(*args: int) -> range:
    rng = range(*args)
    try:
        size = len(rng)
    except OverflowError:
        size = MAX_ITEMS + 1
    if size > MAX_ITEMS:
        _too_much("items")
    return rng


def _safe_lipsum(n: int = 5, html: bool = True, min: int = 20,  # noqa: A002 - Jinja's names
                 max: int = 100) -> str:  # noqa: A002
    words = max if isinstance(max, int) and max > min else min
    if not all(isinstance(x, int) for x in (n, words)) or n * words * 13 > MAX_TEXT:
        _too_much("text")
    return _checked(generate_lorem_ipsum(n, html, min, max))


class _Ticking:
    """A loop's iterable with a checkpoint at every item (keeps its length for ``loop.length``)."""

    __slots__ = ("iterable",)

    def __init__(self, iterable: Any):
        self.iterable = iterable

    def __iter__(self):
        guard = _guard()
        for item in self.iterable:
            guard.step()
            yield item

    def __len__(self) -> int:
        return len(self.iterable)  # TypeError without one: LoopContext then counts the items


#: Names of the two filters the compiler inserts; a template cannot write them.
LOOP_FILTER = "lkip:loop"
CONCAT_FILTER = "lkip:concat"


@pass_context
def _loop_filter(context, iterable):
    return _Ticking(iterable)


@pass_context
def _concat_filter(context, items):
    """``a ~ b ~ c``, as Jinja joins it, once the sizes are known to be within the bounds."""
    if sum(text_size(item) for item in items) > MAX_TEXT:
        _too_much("text")
    joined = markup_join(items) if context.eval_ctx.autoescape else str_join(items)
    return _checked(joined)


class _CheckpointCodeGenerator(CodeGenerator):
    """Jinja's compiler, after two changes to the template's syntax tree: every ``{% for %}``
    iterates through LOOP_FILTER (a checkpoint per item), every ``~`` is CONCAT_FILTER (sizes
    checked before joining)."""

    def visit_Template(self, node, frame=None):
        _add_checkpoints(node, self.environment)
        super().visit_Template(node, frame)


def _add_checkpoints(node: nodes.Node, environment) -> nodes.Node:
    for field in node.fields:
        value = getattr(node, field, None)
        if isinstance(value, nodes.Node):
            setattr(node, field, _add_checkpoints(value, environment))
        elif isinstance(value, list):
            value[:] = [_add_checkpoints(v, environment) if isinstance(v, nodes.Node) else v
                        for v in value]
    if isinstance(node, nodes.For):
        node.iter = _filter_node(LOOP_FILTER, node.iter, environment)
    elif isinstance(node, nodes.Concat):
        return _filter_node(CONCAT_FILTER, nodes.List(node.nodes, lineno=node.lineno),
                            environment)
    return node


def _filter_node(name: str, inner: nodes.Node, environment) -> nodes.Filter:
    new = nodes.Filter(inner, name, [], [], None, None, lineno=inner.lineno)
    new.set_environment(environment)
    return new


# --- the Jinja environment ---------------------------------------------------------------------

def protect_braces(xml_text: str) -> str:
    """Braces of user text as character references: docxtpl rewrites '{_{', '}_}', '{_%' and
    '%_}' anywhere in the rendered XML (its escape for template authors), which would change a
    user's text; '&#123;' reads as '{' in Word but is not matched."""
    return xml_text.replace("{", "&#123;").replace("}", "&#125;")


def _finalize(value: Any) -> Any:
    """Every value printed by {{ }}: plain text is escaped here (autoescape leaves Markup alone)
    with its braces protected; docxtpl objects (paragraph blocks, images) pass through. Anything
    else is printed as its text, once that is known to be within the bounds."""
    if hasattr(value, "__html__"):
        return value
    if not isinstance(value, str):
        _check_text(value)
        value = str(value)
    elif len(value) > MAX_TEXT:
        _too_much("text")
    return Markup(protect_braces(str(escape(value))))


def _finalize_plain(value: Any) -> Any:
    """As _finalize, for text that is not XML (document properties): nothing escaped."""
    _check_text(value)
    return value


#: Methods a template may call (or look up) on the report's data, by the kind of value; all are
#: read-only and make at most a copy of their text (format, replace and join are size-checked).
SAFE_METHODS: dict[type, frozenset[str]] = {
    str: frozenset({
        "capitalize", "casefold", "count", "endswith", "find", "format", "format_map", "index",
        "isalnum", "isalpha", "isdecimal", "isdigit", "islower", "isnumeric", "isspace",
        "istitle", "isupper", "join", "lower", "lstrip", "partition", "removeprefix",
        "removesuffix", "replace", "rfind", "rindex", "rpartition", "rsplit", "rstrip", "split",
        "splitlines", "startswith", "strip", "swapcase", "title", "upper",
        "striptags", "unescape"}),  # the last two: Markup's
    dict: frozenset({"items", "keys", "values", "get"}),
    list: frozenset({"count", "index"}),
    tuple: frozenset({"count", "index"}),
    int: frozenset({"real", "imag", "numerator", "denominator", "bit_length", "conjugate",
                    "is_integer"}),
    float: frozenset({"real", "imag", "is_integer", "conjugate"}),
    Decimal: frozenset({"real", "imag", "is_zero", "is_signed", "is_finite"}),
}
#: Jinja's own helpers, whose public attributes are theirs to offer (loop.index, cycler.next ...).
JINJA_HELPERS = (LoopContext, Cycler, Joiner, Namespace, Macro)


def _check_call(obj: Any, args: tuple, kwargs: dict) -> tuple:
    """Size checks of the string methods that can build a long text; returns the arguments."""
    inner = getattr(obj, "__wrapped__", obj)  # Jinja wraps str.format in its own formatter
    owner = getattr(inner, "__self__", None)
    if not isinstance(owner, str):
        return args
    name = getattr(inner, "__name__", "")
    if name == "format":
        _check_brace_format(owner, (args, kwargs))
    elif name == "format_map":
        _check_brace_format(owner, args)
    elif name == "replace":
        _check_replace(owner, _arg(args, kwargs, 0, "old", ""), _arg(args, kwargs, 1, "new", ""),
                       _arg(args, kwargs, 2, "count", None))
    elif name in ("split", "rsplit", "splitlines"):
        separator = _arg(args, kwargs, 0, "sep", None) if name != "splitlines" else None
        most = (owner.count(separator) + 1 if isinstance(separator, str) and separator
                else (len(owner) + 1) // 2 + 1)
        if most > MAX_ITEMS:
            _too_much("items")
    elif name == "join" and args:
        items = list(args[0]) if not isinstance(args[0], str) else args[0]
        if not isinstance(items, str) and len(items) > MAX_ITEMS:
            _too_much("items")
        if text_size(items) + len(items) * len(owner) > MAX_TEXT:
            _too_much("text")
        args = (items,) + args[1:]
    return args


class _LimitedTemplate(Template):
    """A compiled template part whose render counts its CPU time and its output."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        ctx = self.new_context(dict(*args, **kwargs))
        with render_limits() as guard, guard.running():
            try:
                out = []
                for piece in self.root_render_func(ctx):
                    guard.wrote(len(piece))
                    out.append(piece)
                return "".join(out)
            except Exception:
                self.environment.handle_exception()


#: Prepared template parts kept per process, by the exact source: a batch worker renders the same
#: template for many workbooks, and preparing it costs more than filling it. Bounded, so a long
#: run over many different templates cannot grow without end. Behind it, the disk cache of
#: compile_cache.py serves single builds.
_MEMORY: OrderedDict[str, Any] = OrderedDict()
MEMORY_ENTRIES = 16


def _prepared(kind: str, source: str, make: Callable[[], Any],
              dump: Callable[[Any], bytes], undump: Callable[[bytes], Any]) -> Any:
    """``make()`` for ``source``, remembered in memory and on disk under ``kind``."""
    key = compile_cache.entry_key(kind, source)
    if key in _MEMORY:
        _MEMORY.move_to_end(key)
        return _MEMORY[key]
    value = None
    stored = compile_cache.load(kind, source)
    if stored is not None:
        try:
            value = undump(stored)
        except (ValueError, EOFError, TypeError, UnicodeDecodeError):
            value = None  # verified but unreadable (another Python wrote it): prepare again
    if value is None:
        value = make()
        compile_cache.store(kind, source, dump(value))
    _MEMORY[key] = value
    if len(_MEMORY) > MEMORY_ENTRIES:
        _MEMORY.popitem(last=False)
    return value


def _qualified(obj: Any) -> str:
    return f"{getattr(obj, '__module__', '?')}.{getattr(obj, '__qualname__', repr(obj))}"


class ReportEnvironment(ImmutableSandboxedEnvironment):
    """The sandboxed environment every template part is compiled in (see the module docstring);
    ``from_string`` reuses the compiled code of an identical source within this process and
    from the disk cache."""

    intercepted_binops = frozenset({"+", "*", "%", "**"})
    code_generator_class = _CheckpointCodeGenerator
    template_class = _LimitedTemplate

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.filters = {name: _guarded_filter(name, f) for name, f in self.filters.items()}
        self.filters[LOOP_FILTER] = _loop_filter
        self.filters[CONCAT_FILTER] = _concat_filter
        self.globals["range"] = _safe_range
        self.globals["lipsum"] = _safe_lipsum

    def compile_kind(self) -> str:
        """Everything that changes the code this environment compiles from a source."""
        settings = (
            _qualified(type(self)), self.sandboxed, sorted(self.intercepted_binops),
            sorted(self.intercepted_unops), _qualified(self.code_generator_class), CHECKPOINTS,
            self.autoescape if isinstance(self.autoescape, bool) else _qualified(self.autoescape),
            _qualified(self.undefined), _qualified(self.finalize) if self.finalize else None,
            self.optimized, self.is_async, sorted(self.extensions),
            self.block_start_string, self.block_end_string, self.variable_start_string,
            self.variable_end_string, self.comment_start_string, self.comment_end_string,
            self.line_statement_prefix, self.line_comment_prefix, self.trim_blocks,
            self.lstrip_blocks, self.newline_sequence, self.keep_trailing_newline)
        return "jinja|" + repr(settings)

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 - Jinja's name
        if not isinstance(source, str) or template_class is not None:
            return super().from_string(source, globals, template_class)
        code = _prepared(self.compile_kind(), source, lambda: self.compile(source),
                         marshal.dumps, marshal.loads)
        return self.template_class.from_code(self, code, self.make_globals(globals), None)

    def concat(self, pieces) -> str:  # what macros, {% set %} and {% filter %} blocks return
        out = []
        size = 0
        for piece in pieces:
            size += len(piece)
            if size > MAX_TEXT:
                _too_much("text")
            out.append(piece)
        text = "".join(out)
        _guard().made(sys.getsizeof(text))
        return text

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if isinstance(obj, JINJA_HELPERS):
            return True
        for kind, names in SAFE_METHODS.items():
            if isinstance(obj, kind):
                return attr in names
        return False  # pictures, paragraph blocks, anything else: no attributes

    def call_binop(self, context, operator, left, right):
        _check_binop(operator, left, right)
        return _checked(super().call_binop(context, operator, left, right))

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's signature
        _guard().step()
        args = _check_call(__obj, args, kwargs)
        return _checked(super().call(__context, __obj, *args, **kwargs))


def jinja_env(autoescape: bool = True) -> ReportEnvironment:
    """The environment of the report's XML parts: autoescape on, so that user text such as
    "Sarana & Prasarana <Kota>" reaches the XML escaped. ``autoescape=False`` is for the
    document properties, which are plain text (python-docx escapes them when saving)."""
    if autoescape:
        return ReportEnvironment(undefined=StrictUndefined, autoescape=True, finalize=_finalize)
    return ReportEnvironment(undefined=StrictUndefined, autoescape=False,
                             finalize=_finalize_plain)


def _xml_env() -> ReportEnvironment:
    return jinja_env()


def _text_env() -> ReportEnvironment:
    return jinja_env(autoescape=False)


# --- docxtpl -----------------------------------------------------------------------------------

_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)
_SPECIAL_CHARS = re.compile("[\t\n\a\f]")


#: Core document properties docxtpl renders with Jinja (python-docx's names).
CORE_PROPERTY_NAMES = ("author", "comments", "identifier", "language", "subject", "title")
#: python-docx refuses a longer core property (so does Word's dialog).
CORE_PROPERTY_MAX = 255
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class ReportTemplate(DocxTemplate):
    """docxtpl's template with its XML clean-up remembered per process, its tab/line-break
    resolution applied only where needed, its footnotes rendered once, its document properties
    rendered as plain text, and every render under one set of bounds (render_limits)."""

    #: The core properties the template fills itself (a tag in its title, subject ...): the
    #: build keeps them rather than setting its own (render.set_properties).
    templated_properties: set[str]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.templated_properties = set()

    #: The part being rendered, for a problem's place: a python-docx part, or a name.
    current_rendering_part: Any = None

    def render(self, context, jinja_env=None, autoescape=False):
        # Never docxtpl's own, unsandboxed environment, whatever the caller passes.
        if not isinstance(jinja_env, ReportEnvironment):
            jinja_env, autoescape = _xml_env(), True
        self.current_rendering_part = None
        with render_limits():
            super().render(context, jinja_env, autoescape)

    def render_xml_part(self, src_xml, part, context, jinja_env=None):
        if not isinstance(jinja_env, ReportEnvironment):
            jinja_env = _xml_env()
        return super().render_xml_part(src_xml, part, context, jinja_env)

    def patch_xml(self, src_xml):
        return _prepared("docxtpl-patch", src_xml, lambda: super(ReportTemplate, self).patch_xml(
            src_xml), lambda text: text.encode("utf-8"), lambda data: data.decode("utf-8"))

    def resolve_listing(self, xml):
        # docxtpl runs several regular expressions over every paragraph and run of the whole
        # document to turn \t \n \a \f into Word elements; only a few paragraphs hold one.
        # The same paragraph pattern is used, so each paragraph is resolved exactly as before.
        if not _SPECIAL_CHARS.search(xml):
            return xml
        resolve = super().resolve_listing
        return _PARAGRAPH.sub(
            lambda m: resolve(m.group(0)) if _SPECIAL_CHARS.search(m.group(0)) else m.group(0),
            xml)

    def render_footnotes(self, context, jinja_env=None):
        # docxtpl renders the footnotes part once per section of the document, so from the
        # second section on it would evaluate the text the first pass put in (a name holding
        # "{{ lkip.tahun }}" would print the year). Render the part exactly once.
        for part in self.docx.part.package.parts:
            if part.content_type == FOOTNOTES_TYPE:
                blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
                xml = self.render_xml_part(self.patch_xml(blob), part, context, jinja_env)
                part._blob = xml.encode("utf-8")

    def render_properties(self, context, jinja_env=None):
        # docxtpl renders the title, subject ... with the environment of the XML parts, whose
        # autoescape turned "&" into "&amp;", which python-docx then escaped again ("&amp;amp;"
        # in the file, "&amp;" in Word). They are plain text: rendered without escaping (still
        # sandboxed and bounded), and only when they hold a tag.
        env = _text_env()
        props = self.docx.core_properties
        self.current_rendering_part = "docProps/core.xml"
        for name in CORE_PROPERTY_NAMES:
            text = getattr(props, name) or ""
            if not any(tag in text for tag in ("{{", "{%", "{#")):
                continue
            value = _NOT_XML.sub("", env.from_string(text).render(context))
            setattr(props, name, value[:CORE_PROPERTY_MAX])
            self.templated_properties.add(name)


def patch_xml(xml: str) -> str:
    """The XML of a part as docxtpl hands it to Jinja (tags joined, level tags expanded)."""
    return DocxTemplate.patch_xml(None, xml)  # no instance: patch_xml uses no instance state


def open_template(path: Path) -> ReportTemplate:
    """A template for ``path``, or LkipError for a file Word would not open either."""
    sniff_docx(path)
    try:
        tpl = ReportTemplate(str(path))
        tpl.init_docx()
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on bad packages
        raise LkipError(error("template-unreadable",
                              "templat tidak dapat dibuka sebagai dokumen Word "
                              f"({type(exc).__name__})",
                              place=str(path))) from None
    return tpl


_TAB_RUN = "<w:r><w:tab/></w:r>"
_BREAK_RUN = "<w:r><w:br/></w:r>"


def _add_run(rt: RichText, text: str, bold: bool, italic: bool) -> None:
    """A run of a paragraph block, with its tabs (list labels) and line breaks (Alt+Enter in a
    cell) written as Word elements here, so docxtpl has nothing left to resolve afterwards."""
    if "\t" not in text and "\n" not in text:
        rt.add(text, bold=bold, italic=italic)
        return
    for i, line in enumerate(text.split("\n")):
        if i:
            rt.xml += _BREAK_RUN
        for j, piece in enumerate(line.split("\t")):
            if j:
                rt.xml += _TAB_RUN
            if piece:
                rt.add(piece, bold=bold, italic=italic)


def to_docxtpl(value: Any) -> Any:
    """The context with its paragraph-block markers (richtext.py) replaced by docxtpl objects."""
    if isinstance(value, dict):
        if PARAS in value:
            rp = RichTextParagraph()
            for para in value[PARAS]:
                rt = RichText()
                for text, bold, italic in para["runs"]:
                    _add_run(rt, text, bold, italic)
                rt.xml = protect_braces(rt.xml)  # run XML itself holds no braces
                rp.add(rt, parastyle=para["style"])
            return rp
        return {k: to_docxtpl(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_docxtpl(v) for v in value]
    return value


def inline_image(tpl: ReportTemplate, path: Path, width_mm: float) -> InlineImage:
    return InlineImage(tpl, str(path), width=Mm(width_mm))


# --- is it a Word document at all --------------------------------------------------------------

def sniff_docx(path: Path | str) -> None:
    """LkipError unless ``path`` is a readable Word .docx package (not .doc, .dotx or .docm).
    Only a regular file is opened: a FIFO or a device would block or never end."""
    path = Path(path)
    where = str(path)
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError, ValueError):
        raise LkipError(error("template-not-found", "berkas templat tidak ditemukan",
                              place=where)) from None
    except OSError as exc:
        raise LkipError(error("template-unreadable", "berkas templat tidak dapat dibaca "
                              f"({exc.strerror or exc})", place=where)) from None
    _regular_file(st.st_mode, where)
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise LkipError(error("template-unreadable", "berkas templat tidak dapat dibaca "
                              f"({exc.strerror or exc})", place=where)) from None
    with fh:
        _regular_file(os.fstat(fh.fileno()).st_mode, where)  # not swapped since the check
        try:
            head = fh.read(8)
            fh.seek(0)
        except OSError as exc:
            raise LkipError(error("template-unreadable", "berkas templat tidak dapat dibaca "
                                  f"({exc.strerror or exc})", place=where)) from None
        try:
            with zipfile.ZipFile(fh) as zf:
                names = set(zf.namelist())
                total = sum(i.file_size for i in zf.infolist())
                types = zf.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
        except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError,
                NotImplementedError, RuntimeError, ValueError):
            if head.startswith(b"\xd0\xcf\x11\xe0"):
                # OLE2: Word 97-2003 .doc, or a .docx protected with a password.
                message = ("templat berformat Word lama (.doc) atau dilindungi kata sandi; buka "
                           "di Word lalu simpan sebagai Dokumen Word (.docx) tanpa kata sandi")
            else:
                message = "templat bukan dokumen Word (.docx) atau berkasnya rusak"
            raise LkipError(error("template-not-docx", message, place=where)) from None
    if "word/document.xml" not in names:
        raise LkipError(error("template-not-docx", "templat bukan dokumen Word (.docx)",
                              place=where))
    if total > MAX_UNPACKED:
        raise LkipError(error("template-too-large", "templat terlalu besar setelah diekstrak",
                              place=where))
    content_type = _main_content_type(types) or ""
    if content_type != MAIN_DOCX:
        # python-docx opens only a .docx main part: not a Word template or a macro document.
        kind = ("templat Word (.dotx/.dotm)" if "template" in content_type
                else "dokumen Word bermakro (.docm)" if "macroEnabled" in content_type
                else "bukan dokumen Word (.docx) yang lengkap")
        raise LkipError(error("template-not-docx",
                              f"berkas ini {kind}; buka di Word lalu simpan sebagai Dokumen Word "
                              "(.docx)", place=where))


def _regular_file(mode: int, where: str) -> None:
    if stat.S_ISDIR(mode):
        raise LkipError(error("template-not-a-file", "templat adalah folder, bukan berkas Word "
                              "(.docx)", place=where))
    if not stat.S_ISREG(mode):
        raise LkipError(error("template-not-a-file", "templat bukan berkas biasa (mis. FIFO, "
                              "soket atau perangkat); simpan templat sebagai berkas .docx lalu "
                              "pakai berkas itu", place=where))


def parse_xml(data: bytes):
    """An XML part of a package, parsed without entities or network access."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(data, parser)


def _main_content_type(types_xml: bytes) -> str | None:
    """The content type [Content_Types].xml gives word/document.xml (its Override, else the
    Default for .xml), as python-docx reads it; None when there is none."""
    ns = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    try:
        root = parse_xml(types_xml)
    except Exception:  # noqa: BLE001 - a damaged package
        return None
    for node in root.iter(ns + "Override"):
        if (node.get("PartName") or "").lower() == "/word/document.xml":
            return node.get("ContentType")
    for node in root.iter(ns + "Default"):
        if (node.get("Extension") or "").lower() == "xml":
            return node.get("ContentType")
    return None
