"""The run report of ``interfaces.md`` (``run --json``): plain data, built by the tasks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

TaskName = Literal["import", "export"]
Status = Literal["ok", "partial", "failed"]


@dataclass
class ItemChange:
    key: str
    action: str  # created | updated | deleted | imported | voided | skipped ...
    changes: dict[str, list[Any]] = field(default_factory=dict)  # field -> [before, after]
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"key": self.key, "action": self.action}
        if self.changes:
            data["changes"] = self.changes
        if self.detail:
            data["detail"] = self.detail
        return data


@dataclass
class ItemProblem:
    key: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "message": self.message}


@dataclass
class TaskReport:
    task: TaskName
    counts: dict[str, int] = field(default_factory=dict)
    api_calls: int = 0
    items: list[ItemChange] = field(default_factory=list)
    errors: list[ItemProblem] = field(default_factory=list)
    fatal: str | None = None  # a task-wide failure (configuration, credential, connection)
    fatal_title: str | None = None
    notes: list[str] = field(default_factory=list)

    def count(self, name: str, n: int = 1) -> None:
        self.counts[name] = self.counts.get(name, 0) + n

    def add_error(self, key: str, message: str) -> None:
        self.errors.append(ItemProblem(key, message))
        self.count("failed")

    @property
    def status(self) -> Status:
        if self.fatal is not None:
            return "failed"
        return "partial" if self.errors else "ok"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "task": self.task,
            "status": self.status,
            "counts": dict(self.counts),
            "api_calls": self.api_calls,
            "items": [i.to_dict() for i in self.items],
            "errors": [e.to_dict() for e in self.errors],
        }
        if self.fatal is not None:
            data["fatal"] = {"title": self.fatal_title or "Error", "message": self.fatal}
        if self.notes:
            data["notes"] = list(self.notes)
        return data


@dataclass
class RunReport:
    server: str
    dry_run: bool = False
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    duration_s: float = 0.0
    tasks: list[TaskReport] = field(default_factory=list)

    @property
    def status(self) -> Status:
        statuses = {t.status for t in self.tasks}
        if "failed" in statuses:
            return "failed"
        return "partial" if "partial" in statuses else "ok"

    @property
    def exit_status(self) -> int:
        """0 all fine; 1 some items failed, the rest done; 2 a task could not run at all."""
        return {"ok": 0, "partial": 1, "failed": 2}[self.status]

    def to_dict(self) -> dict[str, Any]:
        return {
            "server": self.server,
            "dry_run": self.dry_run,
            "started_at": self.started_at.isoformat(timespec="seconds"),
            "duration_s": round(self.duration_s, 2),
            "tasks": [t.to_dict() for t in self.tasks],
        }
