"""Operator sentences for a run report: the success dialog, the error dialog and the list's result column."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QObject

from app.domain.report import RunReport, TaskReport
from app.ui.server_list import task_title

_PULLED = ("goods_imported", "goods_created", "products_pulled")
DETAIL_ITEMS = 200


class ReportText(QObject):
    """Plural sentences: lupdate (6.11) recognises ``%n`` forms only in ``self.tr(source, "", n)``."""

    def goods_imported(self, count: int) -> str:
        return self.tr("%n goods imported successfully", "", count)


def counts_text(task: TaskReport) -> str:
    """The counts that say something: zeros are left out (all zero: "nothing to do" is shown instead)."""
    parts = [f"{n} {name.replace('_', ' ')}" for name, n in task.counts.items() if name not in _PULLED and n]
    return ", ".join(parts)


def task_lines(task: TaskReport) -> list[str]:
    lines = []
    pulled = next((task.counts[k] for k in _PULLED if task.counts.get(k)), 0)
    if task.task == "import" and pulled:
        lines.append(ReportText().goods_imported(pulled))
    counts = counts_text(task)
    head = task_title(task.task)
    if task.fatal:
        title = task.fatal_title or QCoreApplication.translate("ReportText", "Error")
        lines.append(f"{head}: {title} — {task.fatal}")
    elif counts:
        lines.append(f"{head}: {counts}")
    elif not lines:
        nothing = QCoreApplication.translate("ReportText", "nothing to do")
        lines.append(f"{head}: {nothing}")
    if task.errors:
        lines.append(
            QCoreApplication.translate("ReportText", "%1 item(s) could not be processed; see Details.").replace(
                "%1", str(len(task.errors))
            )
        )
    return lines


def report_lines(report: RunReport) -> list[str]:
    return [line for task in report.tasks for line in task_lines(task)]


def report_details(report: RunReport) -> str:
    parts = []
    for task in report.tasks:
        for problem in task.errors:
            parts.append(f"{task_title(task.task)} · {problem.key}: {problem.message}")
        parts.extend(task.notes)
    parts.append("")
    data = report.to_dict()
    for task in data["tasks"]:  # a first export lists thousands of items: the dialog shows the first ones
        if len(task["items"]) > DETAIL_ITEMS:
            hidden = len(task["items"]) - DETAIL_ITEMS
            task["items"] = [*task["items"][:DETAIL_ITEMS], f"... and {hidden} more (utility-center run --json)"]
    parts.append(json.dumps(data, indent=1, ensure_ascii=False, default=str))
    return "\n".join(parts).strip()


def short_summary(report: RunReport) -> str:
    return "; ".join(report_lines(report))
