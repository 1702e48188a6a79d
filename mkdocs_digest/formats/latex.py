"""Text for a BibTeX field: LaTeX's special characters escaped, except inline math
that LaTeX can do nothing with but typeset (a title's `$k$-Step` stays as arXiv's own
export keeps it). No MkDocs."""

from __future__ import annotations

import re

# BibTeX counts braces whether escaped or not: a literal brace becomes a command
# whose own braces are balanced.
_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "_": r"\_",
    "$": r"\$",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
_LATEX_SPECIAL = re.compile("[" + re.escape("".join(_LATEX)) + "]")

# Inline math as arXiv titles write it: kept as written only when LaTeX can do
# nothing with it but typeset it: its braces balance (a BibTeX field must), each
# command is on the list below, and it holds none of the characters that end a line
# (`%`), start a parameter or an alignment (`#`, `&`) or spell a character in hex
# (`^^5c` is a backslash). Anything else (`\input`, `\write18`) is escaped as text.
_MATH = re.compile(r"\$[^$]+\$")
_MATH_COMMAND = re.compile(r"\\(?:[A-Za-z]+|.)", re.DOTALL)
_MATH_SYMBOLS = frozenset({"\\,", "\\;", "\\:", "\\!", "\\{", "\\}", "\\|", "\\_", "\\ ", "\\\\"})
_MATH_COMMANDS = frozenset(
    [
        "alpha",
        "beta",
        "gamma",
        "delta",
        "epsilon",
        "varepsilon",
        "zeta",
        "eta",
        "theta",
        "vartheta",
        "iota",
        "kappa",
        "lambda",
        "mu",
        "nu",
        "xi",
        "pi",
        "varpi",
        "rho",
        "varrho",
        "sigma",
        "varsigma",
        "tau",
        "upsilon",
        "phi",
        "varphi",
        "chi",
        "psi",
        "omega",
        "Gamma",
        "Delta",
        "Theta",
        "Lambda",
        "Xi",
        "Pi",
        "Sigma",
        "Upsilon",
        "Phi",
        "Psi",
        "Omega",
        "ell",
        "hbar",
        "imath",
        "jmath",
        "mathbb",
        "mathcal",
        "mathbf",
        "mathrm",
        "mathit",
        "mathsf",
        "mathtt",
        "mathfrak",
        "boldsymbol",
        "bm",
        "text",
        "textbf",
        "textit",
        "textrm",
        "texttt",
        "operatorname",
        "hat",
        "widehat",
        "tilde",
        "widetilde",
        "bar",
        "overline",
        "underline",
        "vec",
        "dot",
        "ddot",
        "check",
        "breve",
        "acute",
        "grave",
        "prime",
        "frac",
        "dfrac",
        "tfrac",
        "sqrt",
        "sum",
        "prod",
        "int",
        "oint",
        "lim",
        "sup",
        "inf",
        "max",
        "min",
        "log",
        "ln",
        "exp",
        "sin",
        "cos",
        "tan",
        "det",
        "dim",
        "ker",
        "arg",
        "deg",
        "gcd",
        "Pr",
        "cdot",
        "cdots",
        "ldots",
        "dots",
        "vdots",
        "ddots",
        "times",
        "div",
        "pm",
        "mp",
        "ast",
        "star",
        "circ",
        "bullet",
        "oplus",
        "otimes",
        "le",
        "leq",
        "ge",
        "geq",
        "ll",
        "gg",
        "ne",
        "neq",
        "approx",
        "sim",
        "simeq",
        "cong",
        "equiv",
        "propto",
        "in",
        "notin",
        "ni",
        "subset",
        "subseteq",
        "supset",
        "supseteq",
        "cup",
        "cap",
        "setminus",
        "emptyset",
        "varnothing",
        "forall",
        "exists",
        "nabla",
        "partial",
        "infty",
        "to",
        "rightarrow",
        "leftarrow",
        "Rightarrow",
        "Leftarrow",
        "leftrightarrow",
        "Leftrightarrow",
        "mapsto",
        "longrightarrow",
        "uparrow",
        "downarrow",
        "mid",
        "parallel",
        "perp",
        "angle",
        "left",
        "right",
        "big",
        "Big",
        "bigg",
        "Bigg",
        "langle",
        "rangle",
        "lfloor",
        "rfloor",
        "lceil",
        "rceil",
        "vert",
        "Vert",
        "quad",
        "qquad",
        "top",
        "bot",
        "land",
        "lor",
        "lnot",
        "neg",
        "wedge",
        "vee",
    ]
)


def latex(text: str) -> str:
    """Text for a BibTeX field: LaTeX's special characters escaped outside inline
    math, braces balanced."""
    out: list[str] = []
    at = 0
    for math in _MATH.finditer(text):
        out.append(_escaped(text[at : math.start()]))
        span = math.group(0)
        out.append(span if _keeps(span) else _escaped(span))
        at = math.end()
    out.append(_escaped(text[at:]))
    return "".join(out)


def _escaped(text: str) -> str:
    return _LATEX_SPECIAL.sub(lambda m: _LATEX[m.group(0)], text)


def _keeps(math: str) -> bool:
    if any(c in math for c in "%#&") or "^^" in math:
        return False
    for command in _MATH_COMMAND.findall(math):
        if command[1:] not in _MATH_COMMANDS and command not in _MATH_SYMBOLS:
            return False
    depth = 0
    for char in math:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0 and "%" not in math
