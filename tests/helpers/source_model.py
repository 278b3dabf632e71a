"""The integration's source as a model for ``translation_sites.py``: what an expression can be.

Reads every module with ``ast``: module constants and string collections (local or imported),
classes and enums. ``keys`` reduces an expression to the strings it can hold; ``names`` a
placeholders expression to the placeholder names it can hold. What cannot be reduced raises
``Unresolved``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
import itertools
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).parents[2] / "custom_components" / "aime"
_ENUM_BASES = {"Enum", "StrEnum", "IntEnum"}


class Unresolved(Exception):
    """An expression the collector cannot reduce to keys (a new dynamic site, say)."""


@dataclass(frozen=True)
class Typed:
    """A value known only by its class (an exception, an enum member)."""

    name: str


@dataclass
class Scope:
    module: str
    functions: tuple[ast.FunctionDef | ast.AsyncFunctionDef, ...]
    klass: str | None
    env: dict[str, Any] = field(default_factory=dict)  # Bound name -> (expr, Scope) | set.


@dataclass
class _Module:
    name: str
    tree: ast.Module
    constants: dict[str, str] = field(default_factory=dict)
    collections: dict[str, set[str]] = field(default_factory=dict)
    imports: dict[str, tuple[str, str]] = field(default_factory=dict)


class SourceModel:
    def __init__(self, package: Path = PACKAGE) -> None:
        self.modules: dict[str, _Module] = {}
        self.classes: dict[str, ast.ClassDef] = {}
        for path in sorted(package.rglob("*.py")):
            parts = path.relative_to(package.parent).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            module = _Module(name, ast.parse(path.read_text(encoding="utf-8")))
            self.modules[name] = module
            self._read_module(module, is_package=parts[-1] == "__init__")

    # --- reading ------------------------------------------------------------------------

    def _read_module(self, module: _Module, *, is_package: bool) -> None:
        for node in module.tree.body:
            target, value = _assignment(node)
            if target is not None and isinstance(value, ast.Constant):
                if isinstance(value.value, str):
                    module.constants[target] = value.value
            elif target is not None and value is not None:
                with_strings = _string_collection(value)
                if with_strings is not None:
                    module.collections[target] = with_strings
            if isinstance(node, ast.ImportFrom):
                base = module.name.split(".")
                if node.level:
                    base = base[: len(base) - node.level + (1 if is_package else 0)]
                    source = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    source = node.module or ""
                for alias in node.names:
                    module.imports[alias.asname or alias.name] = (source, alias.name)
        for node in ast.walk(module.tree):
            if isinstance(node, ast.ClassDef):
                self.classes.setdefault(node.name, node)

    def enum_values(self, name: str) -> set[str] | None:
        klass = self.classes.get(name)
        if klass is None or not any(_base_name(base) in _ENUM_BASES for base in klass.bases):
            return None
        return {
            value.value
            for node in klass.body
            for _target, value in [_assignment(node)]
            if isinstance(value, ast.Constant) and isinstance(value.value, str)
        }

    def constant(self, module: str, name: str) -> str | set[str] | None:
        found = self.modules.get(module)
        if found is None:
            return None
        if name in found.constants:
            return found.constants[name]
        if name in found.collections:
            return found.collections[name]
        if name in found.imports:
            return self.constant(*found.imports[name])
        return None

    # --- walking ------------------------------------------------------------------------

    def _scopes(self) -> Iterator[tuple[ast.Call, Scope]]:
        """Every call of the package, with the functions and class around it."""

        def visit(node: ast.AST, scope: Scope) -> Iterator[tuple[ast.Call, Scope]]:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.ClassDef):
                    yield from visit(child, Scope(scope.module, scope.functions, child.name))
                elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                    inner = Scope(scope.module, (*scope.functions, child), scope.klass)
                    yield from visit(child, inner)
                else:
                    if isinstance(child, ast.Call):
                        yield child, scope
                    yield from visit(child, scope)

        for module in self.modules.values():
            yield from visit(module.tree, Scope(module.name, (), None))

    def _init(self, klass: str) -> ast.FunctionDef | None:
        node = self.classes.get(klass)
        for item in node.body if node else []:
            if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                return item
        return None

    # --- evaluating ---------------------------------------------------------------------

    def keys(self, expr: ast.expr, scope: Scope) -> set[str]:
        value = self.evaluate(expr, scope)
        if isinstance(value, Typed):
            if (members := self.enum_values(value.name)) is None:
                raise Unresolved(f"{ast.unparse(expr)} is a {value.name}")
            return members
        return value

    def evaluate(self, expr: ast.expr, scope: Scope) -> set[str] | Typed:
        if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
            return {expr.value}
        if isinstance(expr, ast.Name):
            return self._name(expr.id, scope)
        if isinstance(expr, ast.Attribute):
            if isinstance(expr.value, ast.Name) and expr.value.id == "self":
                init = scope.env.get("self")
                if isinstance(init, ast.FunctionDef):
                    return self.evaluate(self_assignment(init, expr.attr), scope)
            members = self._members(expr.value.id) if isinstance(expr.value, ast.Name) else None
            if members and expr.attr in members:
                return {members[expr.attr]}
            owner = self.evaluate(expr.value, scope)
            if expr.attr == "value":
                return owner
            if isinstance(owner, Typed):
                return self._attribute(owner.name, expr.attr)
        if isinstance(expr, ast.JoinedStr):
            parts: list[set[str]] = []
            for part in expr.values:
                if isinstance(part, ast.FormattedValue):
                    parts.append(self.keys(part.value, scope))
                else:
                    parts.append(self.keys(part, scope))  # type: ignore[arg-type]
            return {"".join(combo) for combo in itertools.product(*parts)}
        if isinstance(expr, ast.IfExp):
            inner = scope
            test = expr.test
            if (
                isinstance(test, ast.Compare)
                and isinstance(test.left, ast.Name)
                and isinstance(test.ops[0], ast.In)
            ):
                allowed = self.keys(test.comparators[0], scope)
                inner = Scope(scope.module, scope.functions, scope.klass, scope.env.copy())
                inner.env[test.left.id] = allowed
            return self.keys(expr.body, inner) | self.keys(expr.orelse, scope)
        if isinstance(expr, ast.Call) and ast.unparse(expr.func) == "str" and len(expr.args) == 1:
            return self.evaluate(expr.args[0], scope)
        raise Unresolved(ast.unparse(expr))

    def _name(self, name: str, scope: Scope) -> set[str] | Typed:
        if name in scope.env:
            bound = scope.env[name]
            if isinstance(bound, set):
                return bound
            expr, outer = bound
            return self.evaluate(expr, outer)
        for function in reversed(scope.functions):
            for node in ast.walk(function):
                if isinstance(node, ast.ExceptHandler) and node.name == name and node.type:
                    return Typed(ast.unparse(node.type))
            for arg in function.args.args:
                if arg.arg == name and arg.annotation is not None:
                    annotation = ast.unparse(arg.annotation)
                    if annotation in self.classes:
                        return Typed(annotation)
        if name == "self" and scope.klass:
            return Typed(scope.klass)
        found = self.constant(scope.module, name)
        if isinstance(found, str):
            return {found}
        if isinstance(found, set):
            return found
        raise Unresolved(name)

    def _members(self, name: str) -> dict[str, str] | None:
        klass = self.classes.get(name)
        if klass is None or self.enum_values(name) is None:
            return None
        return {
            target: value.value
            for node in klass.body
            for target, value in [_assignment(node)]
            if target and isinstance(value, ast.Constant) and isinstance(value.value, str)
        }

    def _attribute(self, klass: str, attr: str) -> set[str] | Typed:
        """What ``attr`` of a ``klass`` instance can hold, from its ``__init__``."""
        init = self._init(klass)
        if init is None:
            raise Unresolved(f"{klass}.{attr}")
        value = self_assignment(init, attr)
        if not isinstance(value, ast.Name):
            raise Unresolved(f"{klass}.{attr}")
        params = [arg.arg for arg in init.args.args][1:]
        annotation = next(
            (
                ast.unparse(a.annotation)
                for a in init.args.args
                if a.arg == value.id and a.annotation
            ),
            "",
        )
        if self.enum_values(annotation) is not None:
            return Typed(annotation)
        index = params.index(value.id)
        found: set[str] = set()
        for call, scope in self._scopes():
            if isinstance(call.func, ast.Name) and call.func.id == klass:
                args = {**dict(enumerate(call.args)), **{k.arg: k.value for k in call.keywords}}
                argument = args.get(index, args.get(value.id))
                if argument is not None:
                    found |= self.keys(argument, scope)
        return found

    def names(self, expr: ast.expr | None, scope: Scope) -> set[str]:
        """The placeholder names a placeholders expression can hold."""
        if expr is None or (isinstance(expr, ast.Constant) and expr.value is None):
            return set()
        if isinstance(expr, ast.Dict):
            found: set[str] = set()
            for key, value in zip(expr.keys, expr.values, strict=True):
                found |= self.names(value, scope) if key is None else self.keys(key, scope)
            return found
        if isinstance(expr, ast.BoolOp):
            return set().union(*(self.names(value, scope) for value in expr.values))
        if isinstance(expr, ast.Call) and len(expr.args) == 1 and not expr.keywords:
            return self.names(expr.args[0], scope)  # _text(placeholders), dict(x)
        if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name):
            init = scope.env.get("self")
            if expr.value.id == "self" and isinstance(init, ast.FunctionDef):
                return self.names(self_assignment(init, expr.attr), scope)
        if isinstance(expr, ast.Name):
            if expr.id in scope.env and not isinstance(scope.env[expr.id], set):
                bound, outer = scope.env[expr.id]
                return self.names(bound, outer)
            for function in reversed(scope.functions):
                for node in ast.walk(function):
                    target, value = _assignment(node)
                    if target == expr.id and value is not None:
                        return self.names(value, scope)
        raise Unresolved(f"placeholders {ast.unparse(expr)}")


def _assignment(node: ast.AST) -> tuple[str | None, ast.expr | None]:
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = node.targets[0]
        return (target.id if isinstance(target, ast.Name) else None), node.value
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return node.target.id, node.value
    return None, None


def self_assignment(init: ast.FunctionDef, attr: str) -> ast.expr:
    for node in ast.walk(init):
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if (
                    isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id == "self"
                    and target.attr == attr
                    and node.value is not None
                ):
                    return node.value
    raise Unresolved(f"self.{attr}")


def _string_collection(value: ast.expr) -> set[str] | None:
    if isinstance(value, ast.Call) and value.args and not value.keywords:
        value = value.args[0]  # frozenset(...), set(...)
    if not isinstance(value, ast.Set | ast.Tuple | ast.List) or not value.elts:
        return None
    strings = [e.value for e in value.elts if isinstance(e, ast.Constant)]
    return (
        set(strings)
        if all(isinstance(e, str) for e in strings) and len(strings) == len(value.elts)
        else None
    )


def _base_name(base: ast.expr) -> str:
    return base.attr if isinstance(base, ast.Attribute) else ast.unparse(base)
