"""Documents built by hand for the generator tests (the shape the outline/extract stages give)."""

from __future__ import annotations

from pbdocs.model import Clause, Deadline, Dept, Document, Recurrence, Section, Source, Target, Task

ORG = Dept("组织部", "党委组织部")
PROP = Dept("宣传部", "党委宣传部")
# nobody is named for 加大经费投入: the tool suggests who usually does it
FIN_SUGGESTED = Dept("财务处", "财务处", "suggested", "“经费”")


def plan(**overrides) -> Document:
    """A small plan: two level-1 sections, one level-2, five clauses, six tasks."""
    doc_id = "t-plan"
    src = Source(path="/nonexistent/t-plan.txt", format="txt", sha256="0" * 64)
    sections = [
        Section(["一"], 1, "一", "总体要求"),
        Section(["二"], 1, "二", "主要任务"),
        Section(["二", "（一）"], 2, "（一）", "加强政治建设"),
    ]
    clauses = [
        Clause(f"{doc_id}/0", ["0"], None, None, "为加强党的建设，制定本方案。"),
        Clause(f"{doc_id}/一", ["一"], None, None, "坚持以新思想为指导，全面提升党建质量。",
               tasks=[Task("坚持以新思想为指导，全面提升党建质量。")]),
        Clause(f"{doc_id}/二/（一）/1", ["二", "（一）", "1"], "1", "健全学习制度",
               "健全学习制度。制定中心组学习办法。每学期至少开展1次专题研讨。",
               lead=[ORG], support=[PROP],
               tasks=[
                   Task("制定中心组学习办法。", lead=[ORG], support=[PROP],
                        deadlines=[Deadline("2021年6月底前", None, "2021-06-30", "by")]),
                   Task("每学期至少开展1次专题研讨。", lead=[ORG],
                        recurrences=[Recurrence("每学期至少开展1次专题研讨", "semester", 1)]),
               ]),
        Clause(f"{doc_id}/二/（一）/2", ["二", "（一）", "2"], "2", "开展示范创建",
               "开展示范创建。2021年3月-5月组织申报，建成标杆院系2个。",
               lead=[PROP],
               tasks=[
                   Task("2021年3月-5月组织申报。", lead=[PROP],
                        deadlines=[Deadline("2021年3月-5月", "2021-03-01", "2021-05-31",
                                            "range")]),
                   Task("建成标杆院系2个。", lead=[PROP],
                        targets=[Target("2个", ">=", 2, "个", subject="标杆院系")]),
               ]),
        Clause(f"{doc_id}/二/（一）/3", ["二", "（一）", "3"], "3", "强化宣传",
               "强化宣传。每年10月8日开展廉政谈话。", lead=[],
               tasks=[Task("每年10月8日开展廉政谈话。",
                           recurrences=[Recurrence("每年10月8日", "day", None, on="10-08")])]),
        Clause(f"{doc_id}/二/（二）", ["二", "（二）"], "（二）", "完善保障",
               "完善保障。加大经费投入。",
               tasks=[Task("加大经费投入。", lead=[FIN_SUGGESTED])]),
    ]
    doc = Document(id=doc_id, source=src,
                   title="中共某某大学委员会关于落实《党建工作条例》的实施方案",
                   kind="实施方案", issuer="中共某某大学委员会", institution="某某大学",
                   doc_number="某大组〔2020〕5号", date="2020-11-30",
                   recipients=["各二级学院党委", "各直属党支部"], sections=sections,
                   clauses=clauses)
    for k, v in overrides.items():
        setattr(doc, k, v)
    return doc


# every task of every clause becomes a row (the preamble holds none)
PLAN_ROWS = 1 + 2 + 2 + 1 + 1


def empty_plan() -> Document:
    """A document with a title and nothing else."""
    return plan(sections=[], clauses=[], issuer=None, doc_number=None, date=None, recipients=[])
