"""Engines run the plan's pure stages (map per file, identity across the archive, checks per official)
over an archive and gather a `RunResult`; they hold no logic of their own, so every engine gives the
same report. This is the one table of engines: the CLI offers these names and `run` dispatches.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from timeline.errors import InputError


@dataclass(frozen=True, slots=True)
class Engine:
    name: str
    target: str  # "module:function", called as function(job, progress)
    extra: str | None = None  # the optional dependency group it needs (`pip install 'timeline[extra]'`)
    requires: tuple[str, ...] = ()  # modules that extra brings

    def function(self):
        module, name = self.target.split(":")
        return getattr(import_module(module), name)


ENGINES: dict[str, Engine] = {
    e.name: e
    for e in (
        Engine("serial", "timeline.engine.local:run_serial"),
        Engine("local", "timeline.engine.local:run_local"),
        Engine("dask", "timeline.engine.dask:run_dask", extra="dask", requires=("dask.bag", "distributed")),
    )
}
DEFAULT_ENGINE = "local"


def get_engine(name: str | None) -> Engine:
    """The engine registered under `name` (the default when None); InputError when unknown or when its
    optional dependencies are not installed."""
    engine = ENGINES.get(name or DEFAULT_ENGINE)
    if engine is None:
        raise InputError(None, "cli.unknown_engine", name=name, known=", ".join(ENGINES))
    for module in engine.requires:
        try:
            import_module(module)
        except ImportError:
            raise InputError(None, "cli.engine_missing", name=engine.name, extra=engine.extra,
                             module=module.split(".")[0]) from None
    return engine


def run(job, engine: str | None = None, progress=None):
    """Run `job` (a `plan.Job`) on the named engine and return its `plan.RunResult`."""
    return get_engine(engine).function()(job, progress)
