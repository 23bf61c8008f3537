"""A small, safe formula language for composite indices, with the worked calculation as data.

Formulas are parsed by a recursive-descent parser into a tree and evaluated on ``Decimal``; nothing
is ever passed to ``eval``. The language is what planners write on paper: numbers with a decimal
comma or point, codes of other rows, ``+ - * / :`` (``:`` divides, as Indonesian reports write it),
brackets ``( ) { } [ ]``, and the functions RATA/AVERAGE, JUMLAH/SUM, MIN and MAX with arguments
separated by ``;``.

The worked calculation reduces the innermost brackets step by step, rounding each reduced bracket
to the row's decimals (half up) so that every printed step can be redone by hand from the numbers
shown: ``{4,21 + 4,68 + 3,75 + 5} : 4 = 17,64 : 4 = 4,41``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, DivisionByZero, InvalidOperation, Overflow
from typing import Callable, Mapping

from lkip_docx.numbers import HALF_UP, ZERO, round_to

FUNCTIONS = {
    "RATA": "mean", "RATARATA": "mean", "AVERAGE": "mean", "MEAN": "mean",
    "JUMLAH": "sum", "SUM": "sum",
    "MIN": "min", "MAX": "max",
}
CLOSING = {"(": ")", "{": "}", "[": "]"}
MAX_LENGTH = 2000
MAX_DEPTH = 50
#: Operators in one formula; evaluating and printing walk the tree recursively, so an absurd chain
#: ("1+1+...+1" a thousand times) is refused before it can exhaust Python's stack.
MAX_OPERATORS = 200
#: Extra decimals kept by a bracket reduced inside a formula: "(R / T) x 100" must not become
#: "0,33 x 100"; only the row's result is rounded to its Desimal.
INNER_EXTRA_PLACES = 2


class FormulaError(Exception):
    """A formula that cannot be parsed or evaluated; ``message`` is in Indonesian."""

    def __init__(self, message: str, code: str = "formula-syntax"):
        super().__init__(message)
        self.message = message
        self.code = code


# --- syntax tree -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Num:
    value: Decimal


@dataclass(frozen=True)
class Var:
    name: str


@dataclass(frozen=True)
class Neg:
    operand: object


@dataclass(frozen=True)
class BinOp:
    op: str  # one of + - * /
    left: object
    right: object


@dataclass(frozen=True)
class Group:
    inner: object
    bracket: str = "("


@dataclass(frozen=True)
class Call:
    fn: str  # mean, sum, min, max
    args: tuple


# --- parser ------------------------------------------------------------------------------------

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<num>\d+(?:[.,]\d+)?)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)
  | (?P<op>[-+*/:;×÷\u2212])
  | (?P<open>[({\[])
  | (?P<close>[)}\]])
""", re.VERBOSE)


def _tokens(text: str) -> list[tuple[str, str, int]]:
    out: list[tuple[str, str, int]] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            raise FormulaError(f"karakter tidak dikenal {text[pos]!r} di posisi {pos + 1}")
        kind = m.lastgroup or ""
        if kind != "ws":
            tok = m.group()
            if kind == "op":
                tok = {"×": "*", "÷": "/", ":": "/", "\u2212": "-"}.get(tok, tok)
            out.append((kind, tok, pos + 1))
        pos = m.end()
    out.append(("end", "", len(text) + 1))
    return out


class _Parser:
    def __init__(self, text: str):
        if len(text) > MAX_LENGTH:
            raise FormulaError(f"rumus terlalu panjang ({len(text)} karakter; batas {MAX_LENGTH})")
        self.toks = _tokens(text)
        operators = sum(1 for kind, tok, _pos in self.toks if kind == "op" and tok != ";")
        if operators > MAX_OPERATORS:
            raise FormulaError(f"rumus terlalu panjang ({operators} operator; batas "
                               f"{MAX_OPERATORS}); pecah menjadi beberapa baris Komponen Indeks")
        self.i = 0
        self.depth = 0

    def peek(self):
        return self.toks[self.i]

    def take(self):
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def fail(self, expected: str):
        kind, tok, pos = self.peek()
        got = "akhir rumus" if kind == "end" else repr(tok)
        raise FormulaError(f"rumus tidak sah di posisi {pos}: diharapkan {expected}, "
                           f"ditemukan {got}")

    def parse(self):
        node = self.expr()
        if self.peek()[0] != "end":
            self.fail("operator atau akhir rumus")
        return node

    def expr(self):
        node = self.term()
        while self.peek()[0] == "op" and self.peek()[1] in "+-":
            op = self.take()[1]
            node = BinOp(op, node, self.term())
        return node

    def term(self):
        node = self.unary()
        while self.peek()[0] == "op" and self.peek()[1] in "*/":
            op = self.take()[1]
            node = BinOp(op, node, self.unary())
        return node

    def unary(self):
        if self.peek()[0] == "op" and self.peek()[1] in "+-":
            op = self.take()[1]
            operand = self.unary()
            return Neg(operand) if op == "-" else operand
        return self.atom()

    def atom(self):
        kind, tok, _pos = self.peek()
        if kind == "num":
            self.take()
            return Num(Decimal(tok.replace(",", ".")))
        if kind == "name":
            self.take()
            if self.peek()[0] == "open" and self.peek()[1] == "(":
                fn = FUNCTIONS.get(tok.upper().replace("_", "").replace(".", ""))
                if fn is None:
                    raise FormulaError(f"fungsi {tok!r} tidak dikenal; gunakan RATA, JUMLAH, MIN "
                                       "atau MAX")
                self.take()
                args = [self.nested()]
                while self.peek()[0] == "op" and self.peek()[1] == ";":
                    self.take()
                    args.append(self.nested())
                if self.peek()[1] != ")":
                    self.fail("';' atau ')'")
                self.take()
                return Call(fn, tuple(args))
            return Var(tok)
        if kind == "open":
            self.take()
            inner = self.nested()
            if self.peek()[1] != CLOSING[tok]:
                self.fail(repr(CLOSING[tok]))
            self.take()
            return Group(inner, tok)
        self.fail("angka, kode atau '('")

    def nested(self):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise FormulaError("rumus terlalu bersarang")
        node = self.expr()
        self.depth -= 1
        return node


def parse(text: str):
    """Parse formula text into a tree. Raises FormulaError with an Indonesian message."""
    if not text or not text.strip():
        raise FormulaError("rumus kosong")
    try:
        return _Parser(text.strip()).parse()
    except RecursionError:  # a long chain of signs ("- - - - x")
        raise FormulaError("rumus terlalu bersarang") from None


def names(node) -> list[str]:
    """Codes referred to by a formula, in order of first appearance."""
    out: list[str] = []

    def walk(n):
        if isinstance(n, Var):
            if n.name not in out:
                out.append(n.name)
        elif isinstance(n, Neg):
            walk(n.operand)
        elif isinstance(n, BinOp):
            walk(n.left)
            walk(n.right)
        elif isinstance(n, Group):
            walk(n.inner)
        elif isinstance(n, Call):
            for a in n.args:
                walk(a)

    walk(node)
    return out


# --- evaluation --------------------------------------------------------------------------------

def evaluate(node, env: Mapping[str, Decimal]) -> Decimal:
    """Exact value of a tree on Decimals (no rounding inside). Raises FormulaError."""
    try:
        return _evaluate(node, env)
    except Overflow:
        # A value typed with thousands of digits, multiplied a few times, passes Decimal's
        # largest exponent; that is a mistake in the workbook to report, not a crash.
        raise FormulaError("hasil terlalu besar untuk dihitung; periksa nilai komponen yang "
                           "dipakai rumus ini", "formula-overflow") from None


def _evaluate(node, env: Mapping[str, Decimal]) -> Decimal:
    if isinstance(node, Num):
        return node.value
    if isinstance(node, Var):
        try:
            return env[node.name]
        except KeyError:
            raise FormulaError(f"kode {node.name!r} tidak dikenal", "unknown-reference") from None
    if isinstance(node, Neg):
        return -_evaluate(node.operand, env)
    if isinstance(node, Group):
        return _evaluate(node.inner, env)
    if isinstance(node, Call):
        values = [_evaluate(a, env) for a in node.args]
        return _apply(node.fn, values)
    if isinstance(node, BinOp):
        left, right = _evaluate(node.left, env), _evaluate(node.right, env)
        if node.op == "+":
            return left + right
        if node.op == "-":
            return left - right
        if node.op == "*":
            return left * right
        if right == 0:
            raise FormulaError("pembagian dengan nol", "division-by-zero")
        try:
            return left / right
        except (DivisionByZero, InvalidOperation):  # pragma: no cover - guarded above
            raise FormulaError("pembagian dengan nol", "division-by-zero") from None
    raise TypeError(node)  # pragma: no cover


def _apply(fn: str, values: list[Decimal]) -> Decimal:
    if fn == "mean":
        return sum(values, ZERO) / Decimal(len(values))
    if fn == "sum":
        return sum(values, ZERO)
    if fn == "min":
        return min(values)
    return max(values)


# --- display and worked steps ------------------------------------------------------------------

NumberFormatter = Callable[[Decimal], str]
OPS_SHOWN = {"+": " + ", "-": " - ", "*": " x ", "/": " : "}


def render(node, show_number: NumberFormatter, show_name: Callable[[str], str] = str) -> str:
    """Formula as text, numbers through ``show_number``, codes through ``show_name``."""
    if isinstance(node, Num):
        text = show_number(node.value)
        return f"({text})" if node.value < 0 else text
    if isinstance(node, Var):
        return show_name(node.name)
    if isinstance(node, Neg):
        return "-" + render(node.operand, show_number, show_name)
    if isinstance(node, Group):
        return node.bracket + render(node.inner, show_number, show_name) + CLOSING[node.bracket]
    if isinstance(node, Call):
        parts = [render(a, show_number, show_name) for a in node.args]
        if node.fn == "mean":
            return "(" + " + ".join(parts) + f") : {len(parts)}"
        if node.fn == "sum":
            return "(" + " + ".join(parts) + ")"
        return f"{node.fn}(" + "; ".join(parts) + ")"
    if isinstance(node, BinOp):
        return (_operand(node.left, show_number, show_name) + OPS_SHOWN[node.op]
                + _operand(node.right, show_number, show_name))
    raise TypeError(node)  # pragma: no cover


def _operand(node, show_number: NumberFormatter, show_name: Callable[[str], str]) -> str:
    # A mean shown as "(a + b) : 2" inside a longer expression needs its own brackets to be read
    # the way it is computed.
    text = render(node, show_number, show_name)
    if isinstance(node, Call) and node.fn == "mean":
        return "{" + text + "}"
    return text


def substitute(node, env: Mapping[str, Decimal]):
    """The same tree with every code replaced by its number."""
    if isinstance(node, Var):
        if node.name not in env:
            raise FormulaError(f"kode {node.name!r} tidak dikenal", "unknown-reference")
        return Num(env[node.name])
    if isinstance(node, Neg):
        return Neg(substitute(node.operand, env))
    if isinstance(node, Group):
        return Group(substitute(node.inner, env), node.bracket)
    if isinstance(node, Call):
        return Call(node.fn, tuple(substitute(a, env) for a in node.args))
    if isinstance(node, BinOp):
        return BinOp(node.op, substitute(node.left, env), substitute(node.right, env))
    return node


def _has_bracket(node) -> bool:
    if isinstance(node, (Group, Call)):
        return True
    if isinstance(node, Neg):
        return _has_bracket(node.operand)
    if isinstance(node, BinOp):
        return _has_bracket(node.left) or _has_bracket(node.right)
    return False


def _reduce_innermost(node, places: int, inner_places: int, top: bool = True,
                      mode: str = HALF_UP):
    """Replace every bracket or function call that holds no other bracket by its value: rounded
    (by ``mode``) to ``places`` when the bracket is the whole formula (its result), else to
    ``inner_places``."""
    keep = places if top else inner_places
    if isinstance(node, Group):
        if not _has_bracket(node.inner):
            return Num(round_to(evaluate(node.inner, {}), keep, mode))
        return Group(_reduce_innermost(node.inner, places, inner_places, False, mode),
                     node.bracket)
    if isinstance(node, Call):
        if not any(_has_bracket(a) for a in node.args):
            return Num(round_to(evaluate(node, {}), keep, mode))
        return Call(node.fn, tuple(_reduce_innermost(a, places, inner_places, False, mode)
                                   for a in node.args))
    if isinstance(node, Neg):
        inner = _reduce_innermost(node.operand, places, inner_places, False, mode)
        if isinstance(inner, Num):
            return Num(-inner.value)
        return Neg(inner)
    if isinstance(node, BinOp):
        return BinOp(node.op, _reduce_innermost(node.left, places, inner_places, False, mode),
                     _reduce_innermost(node.right, places, inner_places, False, mode))
    return node


@dataclass(frozen=True)
class Worked:
    """A formula evaluated the way a report shows it."""

    value: Decimal  # rounded to ``places``
    steps: tuple[str, ...]  # "= ..." lines after the formula, the last one being the value


def work(node, env: Mapping[str, Decimal], places: int, show_number: NumberFormatter,
         mode: str = HALF_UP) -> Worked:
    """Evaluate step by step the way a report shows it.

    Values are substituted as they are (a row's own result is already rounded to its Desimal), a
    bracket reduced inside the formula keeps ``places + 2`` decimals, and the result is rounded
    to ``places``, every rounding by ``mode`` (the document's: half up unless it truncates).
    Every number printed is the number used, so each line can be redone by hand;
    ``show_number`` should therefore print numbers without rounding them.
    """
    inner_places = places + INNER_EXTRA_PLACES
    try:
        current = substitute(node, env)
        steps = [render(current, show_number)]
        guard = 0
        while _has_bracket(current):
            current = _reduce_innermost(current, places, inner_places, mode=mode)
            steps.append(render(current, show_number))
            guard += 1
            if guard > MAX_DEPTH + 5:  # pragma: no cover - each pass removes a level
                raise FormulaError("rumus terlalu bersarang")
        value = round_to(evaluate(current, {}), places, mode)
    except RecursionError:
        raise FormulaError("rumus terlalu bersarang atau terlalu panjang") from None
    final = show_number(value)
    if steps[-1] != final:
        steps.append(final)
    # Consecutive identical lines say nothing new (a bracket around a single number).
    dedup = [s for i, s in enumerate(steps) if i == 0 or s != steps[i - 1]]
    return Worked(value, tuple(dedup))
