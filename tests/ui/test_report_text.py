from __future__ import annotations

from app.domain.report import TaskReport
from app.ui.report_text import task_lines


def test_pull_success_message_counts_the_goods(qapp) -> None:
    task = TaskReport("import", counts={"orders_imported": 2, "goods_created": 3, "goods_matched": 1})
    lines = task_lines(task)
    assert lines[0] == "3 goods imported successfully"
    assert "2 orders imported" in lines[1] and "goods created" not in lines[1]
