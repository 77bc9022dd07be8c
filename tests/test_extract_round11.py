"""Round 11: rules tuned on round 8's held-out set (by when)."""
from taskhelp import find_task, tasks_of

PLAN = """棠梧大学党委2026年党建工作要点

　　一、加强基层组织建设
　　1.深入实施党支部“强基”计划，新培育院级样板支部6个。
　　2.持续推进党建品牌建设，年内新培育党建示范点5个。
"""


def _due(t):
    return [(d.kind, d.end) for d in t.deadlines]


def test_a_count_after_a_deep_going_programme_is_a_row_of_its_own():
    # 深入实施…计划 is a standing effort; the count after it is the deliverable
    _, ts = tasks_of(PLAN, "plan")
    duty = find_task(ts, "深入实施党支部")
    assert "样板支部" not in duty.text
    assert duty.kind == "ongoing"
    assert "深入实施" not in find_task(ts, "新培育院级样板支部").text


def test_a_dated_count_after_a_standing_duty_does_not_date_the_duty():
    # 持续推进…，年内新建…3个: the year's limit is the count's, not the standing duty's
    _, ts = tasks_of(PLAN, "plan")
    duty = find_task(ts, "持续推进党建品牌")
    assert "示范点" not in duty.text
    assert duty.kind == "ongoing" and not _due(duty)
    count = find_task(ts, "年内新培育党建示范点")
    assert count.kind == "once" and _due(count) == [("by", "2026-12-31")]
