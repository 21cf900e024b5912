"""The template sandbox: what a template may read, call and build.

Jinja's ``ImmutableSandboxedEnvironment`` already refuses Python internals
(``__class__``, ``__globals__``, ``mro`` …) and mutation of the data. On top of it:

- **attributes by allow-list** (:func:`reportgen.render.plain.template_attributes`): on the
  project's views and value types only their fields and properties, on Jinja's runtime
  objects what Jinja documents; built-in values (str, int, Decimal, tuple, list, dict,
  Markup …) keep Jinja's own rules; anything else (a function, a class, the chart
  collector, a pydantic model should one ever get in) exposes nothing;
- **calls by allow-list**: the environment's globals (``range``, ``lipsum``, ``dict``,
  ``cycler``, ``joiner``, ``namespace``, ``chart`` and the grouping helpers), objects
  whose class says ``template_helper = True`` (the chart collector), macros,
  ``caller``, ``loop``/``loop.cycle``/``loop.changed``, ``super()``/blocks, cycler and
  joiner objects, and methods of built-in values; filters and tests are called by name;
- **bounds** (:mod:`reportgen.render.limits`): every loop iteration and call counts
  against one budget per render, ``range`` against another; ``*``, ``**``, ``+``, ``%``
  and ``~`` and every filter and method call are size-checked.
"""

from __future__ import annotations

import types
import weakref
from collections.abc import Callable
from decimal import Decimal
from typing import Any, NoReturn

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.runtime import BlockReference, LoopContext, Macro, markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Cycler, Joiner
from markupsafe import Markup

from reportgen.render import limits
from reportgen.render.limits import MAX_PRODUCT, MAX_STEPS, RANGE_BUDGET
from reportgen.render.plain import ANY, template_attributes

#: Built-in value types: Jinja's sandbox rules apply to their attributes and methods.
BUILTIN_VALUE_TYPES: tuple[type, ...] = (
    str, int, float, bool, Decimal, tuple, list, dict, set, frozenset, Markup, range,
)  # fmt: skip
#: Jinja runtime objects a template may call.
_CALLABLE_RUNTIME = (Macro, LoopContext, BlockReference, Joiner)
_RUNTIME_METHODS = (LoopContext, Cycler)
#: The sandboxed ``str.format`` wrappers handed out (allowed to be called).
_FORMATTERS: weakref.WeakSet[Callable[..., str]] = weakref.WeakSet()


def _step() -> nodes.Expr:
    """``environment.step_taken``: counts one step against the render's budget (true).
    Jinja allows no custom node types; an environment attribute compiles to itself."""
    return nodes.EnvironmentAttribute("step_taken")


class _Generator(CodeGenerator):
    """Jinja's code generator, counting every loop iteration and include, and
    size-checking every ``~`` concatenation."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        for loop in node.find_all(nodes.For):
            loop.body.insert(0, nodes.ExprStmt(_step(), lineno=loop.lineno))
            if loop.test is not None:
                loop.test = nodes.And(_step(), loop.test, lineno=loop.lineno)
        super().visit_Template(node, frame)

    def visit_Include(self, node: nodes.Include, frame: Frame) -> None:
        self.writeline("environment.step()", node)
        super().visit_Include(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.concat_checked((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("), context.eval_ctx.autoescape)")


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with allow-listed attributes and calls, and bounded work."""

    code_generator_class = _Generator
    intercepted_binops = frozenset(["*", "**", "+", "%"])

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["lipsum"] = limits.bounded_lipsum
        self._steps = MAX_STEPS
        self.reset_budget()

    def reset_budget(self) -> None:
        """Give loops, calls and ``range`` their full budgets again (once per render)."""
        self._steps = MAX_STEPS
        self.globals["range"] = _range_budget()

    def step(self) -> bool:
        """Count one loop iteration, call or include (compiled templates call this)."""
        self._steps -= 1
        if self._steps < 0:
            raise SecurityError(f"at most {MAX_STEPS:,} loop iterations and calls in one briefing")
        return True

    @property
    def step_taken(self) -> bool:
        """:meth:`step`, as an attribute: compiled loops read it once per iteration."""
        return self.step()

    def concat_checked(self, parts: tuple[Any, ...], autoescape: bool) -> str:
        """``a ~ b``, refused when the result would pass the size bound."""
        total = 0
        for part in parts:
            total += limits.printed_size(part, limits.MAX_STRING - total)
            limits.check_size(total)
        return markup_join(parts) if autoescape else str_join(parts)

    # --- what a template may read and call --------------------------------------------

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        allowed = template_attributes(type(obj))
        if allowed is not None:
            if allowed is ANY or attr in allowed:
                return True
            return isinstance(obj, str) and hasattr(str, attr)  # a StrEnum is a str
        return isinstance(obj, BUILTIN_VALUE_TYPES)

    def is_safe_callable(self, obj: Any) -> bool:
        if not super().is_safe_callable(obj):
            return False
        if isinstance(obj, types.BuiltinMethodType | types.MethodType):
            owner = obj.__self__
            if isinstance(owner, BUILTIN_VALUE_TYPES) or owner in BUILTIN_VALUE_TYPES:
                return True
            if isinstance(owner, _RUNTIME_METHODS):
                names = template_attributes(type(owner)) or frozenset()
                return obj.__name__ in names
        if isinstance(obj, _CALLABLE_RUNTIME) or obj in _FORMATTERS:
            return True
        if getattr(type(obj), "template_helper", False) is True:  # e.g. the chart collector
            return True
        return any(obj is helper for helper in self.globals.values())

    def unsafe_undefined(self, obj: Any, attribute: str) -> NoReturn:
        name = type(obj).__name__
        raise SecurityError(f"access to attribute {attribute!r} of {name!r} object is unsafe.")

    def call(
        __self,
        __context: jinja2.runtime.Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        __self.step()
        if isinstance(__obj, types.BuiltinMethodType):
            limits.check_method(__obj.__self__, __obj.__name__, args, kwargs)
        return limits.checked(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """Jinja's sandboxed ``str.format``/``format_map``, with widths and the result
        size-checked (``'{:>999999999}'.format(1)``)."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        fmt: str = value.__self__
        is_map = value.__name__ == "format_map"

        def checked_format(*args: Any, **kwargs: Any) -> str:
            named = args[0] if is_map and args and isinstance(args[0], dict) else kwargs
            limits.check_format(fmt, () if is_map else args, named)
            return str(limits.checked(wrapped(*args, **kwargs)))

        _FORMATTERS.add(checked_format)
        return checked_format

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        if operator == "*":
            for items, times in ((left, right), (right, left)):
                if (
                    isinstance(items, str | list | tuple)
                    and isinstance(times, int)
                    and len(items) * times > MAX_PRODUCT
                ):
                    size = len(items) * times
                    raise SecurityError(f"'*' would build {size:,} items; at most {MAX_PRODUCT:,}")
        elif operator == "**":
            _check_power(left, right)
        elif operator == "+" and isinstance(left, str | list | tuple) and hasattr(right, "__len__"):
            limits.check_size(len(left) + len(right))
        elif operator == "%":
            limits.check_printf(left, right)
        return limits.checked(super().call_binop(context, operator, left, right))


def _check_power(left: Any, right: Any) -> None:
    if (
        isinstance(left, int)
        and isinstance(right, int)
        and abs(left) > 1
        and right > 0
        and abs(left).bit_length() * right > MAX_PRODUCT
    ):
        raise SecurityError(f"'{left} ** {right}' is too large a number for a template")


def _range_budget() -> Callable[..., range]:
    """``range`` for templates: every call draws on one budget per briefing."""
    left = RANGE_BUDGET

    def budget_range(*args: int) -> range:
        nonlocal left
        numbers = range(*args)
        try:
            count = len(numbers)
        except OverflowError:
            count = RANGE_BUDGET + 1
        if count > left:
            raise SecurityError(
                f"range() may yield at most {RANGE_BUDGET:,} numbers in one briefing"
            )
        left -= count
        return numbers

    return budget_range
