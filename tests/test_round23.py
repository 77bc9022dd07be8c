"""Round 23 (issue 12): rows that are no tasks, and time limits, on shapes not tuned on."""

from __future__ import annotations

from tests.test_round13 import _parse


def _texts(doc) -> list[str]:
    return [t.text for c in doc.clauses for t in c.tasks]


def test_a_meetings_quorum_is_a_condition_not_a_task(tmp_path):
    doc = _parse(tmp_path, ["中共某某大学委员会组织部",
                            "关于做好2027年党支部换届选举工作的通知",
                            "各二级党组织：",
                            "一、工作程序",
                            "（一）召开党员大会。选举实行无记名投票。",
                            "到会有选举权的党员超过应到会人数的五分之四，方可进行选举。",
                            "（二）支委会会议须有半数以上委员到会方可召开。",
                            "（三）各党支部须经党委组织部审核同意后方可召开党员大会。",
                            "中共某某大学委员会组织部",
                            "2027年3月16日"])
    rows = _texts(doc)
    assert not [r for r in rows if "五分之四" in r or "半数以上委员" in r], rows
    # a step that must come first is a duty, not a quorum
    assert [r for r in rows if "审核同意后方可召开党员大会" in r], rows
