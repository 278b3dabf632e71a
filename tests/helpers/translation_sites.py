"""Every exception translation key the integration can raise, read from its source with ``ast``.

A *site* is a call that raises (or sends) a translated error:

1. any call with both ``translation_domain=`` and ``translation_key=`` (exceptions of Home
   Assistant, ``connection.send_error``...);
2. a call of a *forwarder*: a function whose own site takes its key from a parameter
   (``validation_error(key, ...)``, ``roon_error(err)``, ``not_configured(service)``), with
   the parameters bound to the call's arguments;
3. a constructor call of a *carrier*: a class whose method's site takes its key from
   ``self`` (``TranslatedInvalid(key, placeholders)``), with ``__init__``'s parameters bound.

Keys are evaluated, not listed: string constants (local or imported), enum members, every
member of an enum a parameter or an ``except`` clause is typed with, exception attributes
(through ``__init__`` to the enum they are typed with, or to every constructor call's
argument), f-strings, conditionals (``x if name in COLLECTION else y``). Anything else is
reported as unresolved, so new code cannot slip by.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .source_model import PACKAGE, Scope, SourceModel, Unresolved, self_assignment


@dataclass(frozen=True)
class Site:
    keys: frozenset[str]
    placeholders: frozenset[str]
    where: str


@dataclass
class _Callable:
    """A forwarder (a function) or a carrier (a class), and the site inside it.

    The site is ``key``/``placeholders`` evaluated in ``scope``, or, for a forwarder calling
    another one, ``inner``: that callable and the call made to it.
    """

    params: list[str]
    origin: ast.Call
    scope: Scope
    key: ast.expr | None = None
    placeholders: ast.expr | None = None
    inner: tuple[_Callable, ast.Call] | None = None
    init: ast.FunctionDef | None = None  # carriers: where ``self.x`` comes from


class Collector(SourceModel):
    def __init__(self, package: Path = PACKAGE) -> None:
        super().__init__(package)
        self.callables: dict[str, _Callable] = {}
        self.unresolved: list[str] = []

    def collect(self) -> list[Site]:
        calls = list(self._scopes())
        # Forwarders and carriers first, until no new one appears.
        registered = True
        while registered:
            found = [self._register(call, scope) for call, scope in calls]  # each one, no short cut
            registered = any(found)
        origins = {id(callable_.origin) for callable_ in self.callables.values()}
        sites: list[Site] = []
        for call, scope in calls:
            if id(call) in origins:
                continue
            where = f"{scope.module}:{call.lineno}"
            try:
                if (direct := _direct(call)) is not None:
                    key, placeholders = direct
                    found = self.keys(key, scope), self.names(placeholders, scope)
                elif (target := self._callable_of(call)) is not None:
                    found = self._through(target, call, scope)
                else:
                    continue
            except Unresolved as err:
                self.unresolved.append(f"{where}: {err}")
                continue
            sites.append(Site(frozenset(found[0]), frozenset(found[1]), where))
        return sites

    def _through(
        self, target: _Callable, call: ast.Call, scope: Scope
    ) -> tuple[set[str], set[str]]:
        """The keys and placeholder names a call of a forwarder or carrier raises."""
        bound = self._bind(target, call, scope)
        if target.inner is not None:
            return self._through(*target.inner, bound)
        assert target.key is not None
        return self.keys(target.key, bound), self.names(target.placeholders, bound)

    def _register(self, call: ast.Call, scope: Scope) -> bool:
        """Make the function (or class) around a site a callable when the key comes from it."""
        if not scope.functions or any(c.origin is call for c in self.callables.values()):
            return False
        function = scope.functions[-1]
        params = [arg.arg for arg in function.args.args]
        own = set(params)
        target = None
        if (direct := _direct(call)) is not None:
            key_used = _names(direct[0])
        elif (target := self._callable_of(call)) is not None:
            key_used = set().union(*(_names(arg) for arg in self._key_args(target, call)))
        else:
            return False
        inner = None if target is None else (target, call)
        key, placeholders = direct if direct is not None else (None, None)
        if scope.klass and "self" in key_used and params[:1] == ["self"]:
            init = self._init(scope.klass)
            if init is None or scope.klass in self.callables:
                return False
            init_params = [arg.arg for arg in init.args.args][1:]
            self.callables[scope.klass] = _Callable(
                init_params, call, scope, key, placeholders, inner, init
            )
            return True
        if not key_used & own or function.name in self.callables:
            return False
        if params[:1] == ["self"]:
            params = params[1:]
        # A class whose initialiser makes the site from its own arguments: calls of the class.
        name = scope.klass if scope.klass and function.name == "__init__" else function.name
        if name in self.callables:
            return False
        self.callables[name] = _Callable(params, call, scope, key, placeholders, inner)
        return True

    def _key_args(self, target: _Callable, call: ast.Call) -> list[ast.expr]:
        """The arguments of ``call`` that its key is made from."""
        if target.inner is not None:
            inner_args = self._key_args(*target.inner)
            used = set().union(*(_names(arg) for arg in inner_args))
        else:
            assert target.key is not None
            used = _names(target.key)
            if "self" in used and target.init is not None:
                used |= {
                    name
                    for node in ast.walk(target.key)
                    if isinstance(node, ast.Attribute)
                    for name in _names(self_assignment(target.init, node.attr))
                }
        args = dict(zip(target.params, call.args, strict=False))
        args |= {kw.arg: kw.value for kw in call.keywords if kw.arg in target.params}
        return [arg for param, arg in args.items() if param in used]

    def _callable_of(self, call: ast.Call) -> _Callable | None:
        func = call.func
        if isinstance(func, ast.Name):
            return self._callable_named(func.id)
        if isinstance(func, ast.Attribute):
            return self._callable_named(func.attr)
        return None

    def _callable_named(self, name: str, seen: frozenset[str] = frozenset()) -> _Callable | None:
        """The callable, or for a class without its own initialiser, its base's."""
        if name in self.callables:
            return self.callables[name]
        klass = self.classes.get(name)
        if klass is None or name in seen or self._init(name) is not None:
            return None
        bases = [ast.unparse(base).rpartition(".")[2] for base in klass.bases]
        return next(
            (found for base in bases if (found := self._callable_named(base, seen | {name}))),
            None,
        )

    def _bind(self, target: _Callable, call: ast.Call, scope: Scope) -> Scope:
        env: dict[str, Any] = {}
        for param, arg in zip(target.params, call.args, strict=False):
            env[param] = (arg, scope)
        for keyword in call.keywords:
            if keyword.arg in target.params:
                env[keyword.arg] = (keyword.value, scope)
        for param in target.params:
            env.setdefault(param, (ast.Constant(None), scope))
        if target.init is not None:
            env["self"] = target.init
        return Scope(target.scope.module, target.scope.functions, target.scope.klass, env)


def _direct(call: ast.Call) -> tuple[ast.expr, ast.expr | None] | None:
    """The key and placeholders of a call naming both a translation domain and key."""
    keywords = {kw.arg: kw.value for kw in call.keywords if kw.arg}
    if "translation_key" in keywords and "translation_domain" in keywords:
        return keywords["translation_key"], keywords.get("translation_placeholders")
    return None


def _names(expr: ast.expr) -> set[str]:
    return {node.id for node in ast.walk(expr) if isinstance(node, ast.Name)}
