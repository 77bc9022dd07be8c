# ruff: noqa: E501 - the page templates are HTML written one element a line
"""Main-content extraction from web pages: pbdocs's own HTML reader against maintained
extractors (trafilatura, readability-lxml, jusText), on pages built from the real texts of
../shared/devcorpus.

Usage: python benchmarks/html_extractors.py [--out FILE]
(the extractors are optional: pip install trafilatura readability-lxml justext lxml_html_clean)

Each devcorpus text (a page's text as published) is put into three page layouts modelled on
the content-management systems these texts come from: a div layout with semantic class names
(WebPlus-style `wp_articlecontent`), an old table layout inside a <form> (VSB-style
`vsb_content`), and a government disclosure page (JCMS-style, a metadata table above `zoom`).
Every layout surrounds the text with site header, menu, breadcrumb, posting line, share and
print links, previous/next links, a related-articles list with plausible titles, and a footer.

Scores, character-weighted over all pages:
- body: share of the text's lines found in the output (whitespace ignored),
- order: share of pages whose body lines come out in their original order,
- title: share of pages whose title line (the text's first line, shown in the page's title
  element) is in the output before the body,
- chrome: share of the layout's own lines that leak into the output (lower is better),
- meta: share of disclosure pages whose 文号 and 成文日期 (in the metadata table above the text,
  where the metadata stage reads them) survive,
- ms: mean time per page.
With the normaliser after the extractor, body and title are those pbdocs gives for the text file
itself (its own chrome lines, breadcrumbs and posting lines gone; the title the metadata stage
reads), so that only what the page layout adds or loses is counted.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TEXTS = ROOT.parent / "shared" / "devcorpus"

SITE = "党委组织部"
MENU = ["首页", "机构设置", "党建工作", "组织建设", "干部工作", "人才工作", "通知公告",
        "理论学习", "下载专区", "联系我们"]
RELATED = ["关于开展2023年度党支部书记述职评议考核工作的通知",
           "关于做好2024年发展党员工作的通知",
           "学校召开党建工作领导小组会议",
           "关于举办基层党组织书记培训班的通知",
           "我校党委理论学习中心组开展专题学习"]
FOOTER = ["版权所有 © 2024 党委组织部 地址：学府路1号 邮编：100000",
          "电话：010-12345678 备案号：京ICP备12345678号"]
DISCLOSED = ("组通字〔2024〕12号", "2024-05-16")  # 文号 and 成文日期 of the disclosure table
BREAD = "当前位置：首页 > 通知公告 > 正文"
INFO = "发布时间：2024-05-20 作者：组织部 浏览次数：128"


def _split(text: str) -> tuple[str | None, list[str]]:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if lines and len(lines[0]) <= 80 and "。" not in lines[0]:
        return lines[0], lines[1:]
    return None, lines


def _menu(cls: str) -> str:
    return (f'<ul class="{cls}">' + "".join(f'<li><a href="/m{i}.htm">{escape(m)}</a></li>'
                                            for i, m in enumerate(MENU)) + "</ul>")


def _related() -> str:
    return "".join(f'<li><a href="/r{i}.htm">{escape(t)}</a><span>2024-0{i + 1}-10</span></li>'
                   for i, t in enumerate(RELATED))


def page_webplus(title: str | None, body: list[str]) -> str:
    paras = "".join(f"<p>{escape(b)}</p>" for b in body)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title or SITE)}-{SITE}</title>
<script>var _hmt=[];</script></head><body>
<div class="header"><div class="logo"><img src="/logo.png" alt="{SITE}"></div>{_menu("wp-menu")}</div>
<div class="main"><div class="col_menu"><h3>通知公告</h3><ul class="list"><li><a href="/a.htm">工作动态</a></li><li><a href="/b.htm">通知公告</a></li><li><a href="/c.htm">规章制度</a></li></ul></div>
<div class="col_news"><div class="col_path"><span class="possplit">{escape(BREAD)}</span></div>
<div class="article"><h1 class="arti_title">{escape(title or "")}</h1>
<p class="arti_metas"><span class="arti_update">{escape(INFO)}</span></p>
<div class="entry"><div class="wp_articlecontent">{paras}</div></div>
<p class="arti_share">分享到：微信 微博 QQ空间</p>
<ul class="pre_next"><li>上一篇：<a href="/p.htm">{escape(RELATED[0])}</a></li><li>下一篇：<a href="/n.htm">{escape(RELATED[1])}</a></li></ul>
</div></div>
<div class="col_side"><h3>相关文章</h3><ul>{_related()}</ul></div></div>
<div class="footer"><p>{escape(FOOTER[0])}</p><p>{escape(FOOTER[1])}</p></div>
</body></html>"""


def page_vsb(title: str | None, body: list[str]) -> str:
    paras = "".join(f'<p style="text-indent:2em">{escape(b)}</p>' for b in body)
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>{escape(title or SITE)}</title></head>
<body><table width="1000" align="center"><tr><td><img src="/images/banner.jpg"></td></tr>
<tr><td class="menu_bg">{"".join(f'<a class="menu0_0_" href="/m{i}.htm">{escape(m)}</a> | ' for i, m in enumerate(MENU))}</td></tr></table>
<table width="1000" align="center"><tr><td width="240" valign="top"><table><tr><td class="lm">通知公告</td></tr>
{"".join(f'<tr><td><a href="/l{i}.htm">{escape(t)}</a></td></tr>' for i, t in enumerate(["工作动态", "通知公告", "规章制度", "党建文件"]))}</table></td>
<td valign="top"><table width="100%"><tr><td class="dqwz">{escape(BREAD)}</td></tr></table>
<form name="_newscontent_fromname"><table width="100%"><tr><td class="titlestyle1">{escape(title or "")}</td></tr>
<tr><td class="timestyle1">{escape(INFO)}</td></tr>
<tr><td class="contentstyle1"><div id="vsb_content">{paras}</div></td></tr>
<tr><td>【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
<tr><td>上一条：<a href="/p.htm">{escape(RELATED[2])}</a></td></tr><tr><td>下一条：<a href="/n.htm">{escape(RELATED[3])}</a></td></tr>
</table></form></td></tr></table>
<table width="1000" align="center" class="foot"><tr><td>{escape(FOOTER[0])}<br>{escape(FOOTER[1])}</td></tr></table>
</body></html>"""


def page_jcms(title: str | None, body: list[str]) -> str:
    paras = "".join(f"<p>{escape(b)}</p>" for b in body)
    meta = [("索引号", "113308240026262933/2024-00506"), ("公开方式", "主动公开"),
            ("发布机构", SITE), ("文号", DISCLOSED[0]), ("成文日期", DISCLOSED[1]),
            ("公开日期", "2024-05-20")]
    cells = "".join(f"<tr><td>{k}：</td><td>{escape(v)}</td></tr>" for k, v in meta)
    return f"""<html><head><meta charset="utf-8"><title>{escape(title or SITE)}</title></head><body>
<div id="top"><div class="top_inner"><span>无障碍浏览</span> <span>长者模式</span> <a href="/">网站首页</a></div></div>
<div id="nav"><table><tr>{"".join(f'<td><a href="/m{i}.htm">{escape(m)}</a></td>' for i, m in enumerate(MENU))}</td></tr></table></div>
<div class="wz">{escape(BREAD)}</div>
<table class="xxgk_table" width="100%">{cells}</table>
<div class="con"><div class="con_title">{escape(title or "")}</div>
<div class="con_info">{escape(INFO)} 字号：[ 大 中 小 ]</div>
<div id="zoom">{paras}</div>
<div class="con_bot"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div></div>
<div class="xggj"><h4>相关稿件</h4><ul>{_related()}</ul></div>
<div id="footer"><p>{escape(FOOTER[0])}</p><p>{escape(FOOTER[1])}</p><p>网站标识码：3308000001</p></div>
</body></html>"""


def page_deep(title: str | None, body: list[str]) -> str:
    """The WebPlus page with every paragraph in a <font> tag that is never closed (common in
    pages pasted from Word by old editors), under 300 nested <div>s: nesting deeper than 255."""
    page = page_webplus(title, body).replace("<p>", '<p><font face="宋体">')
    return page.replace('<div class="main">', '<div class="main">' + "<div>" * 300, 1)


LAYOUTS = {"webplus": page_webplus, "vsb": page_vsb, "jcms": page_jcms, "deep": page_deep}
CHROME = ([SITE, *MENU, *RELATED, *FOOTER, BREAD, INFO, "分享到：微信 微博 QQ空间", "打印本页",
           "关闭窗口", "无障碍浏览", "网站标识码：3308000001", "113308240026262933/2024-00506",
           "相关文章", "相关稿件"])


# -- extractors ------------------------------------------------------------------------------

def ours(html: str) -> str:
    from pbdocs.read.html import html_to_text

    return html_to_text(html)


def trafilatura_default(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_tables=True, include_comments=False) or ""


def trafilatura_recall(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_tables=True, include_comments=False,
                               favor_recall=True) or ""


def readability_text(html: str) -> str:
    from readability import Document

    from pbdocs.read.html import html_to_text

    doc = Document(html)
    return doc.short_title() + "\n" + html_to_text(doc.summary(html_partial=True), clean=False)


def justext_text(html: str) -> str:
    import justext

    paras = justext.justext(html.encode("utf-8"), frozenset(), length_low=10, length_high=40,
                            stopwords_low=0.0, stopwords_high=0.0, max_link_density=0.2)
    return "\n".join(p.text for p in paras if not p.is_boilerplate)


EXTRACTORS = {"pbdocs": ours, "trafilatura": trafilatura_default,
              "trafilatura (favor_recall)": trafilatura_recall,
              "readability-lxml": readability_text, "jusText (no stoplist)": justext_text}


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def normalized(fn):
    """The extractor followed by pbdocs's normalizer (line-level chrome removal)."""
    from pbdocs.normalize import normalize

    return lambda html: normalize(fn(html))[0]


def evaluate(fn, pages, read_title: bool = False) -> dict[str, float]:
    """Scores of one extractor over the pages; `read_title`: the title counts when the metadata
    stage reads the same title from the output as from the text itself."""
    from pbdocs.metadata import read_meta

    body_hit = body_all = chrome_hit = chrome_all = disclosed = disclosing = 0
    ordered = titled = titles = 0
    seconds = 0.0
    for title, body, html in pages:
        if DISCLOSED[0] in html:
            disclosing += 1
        t0 = time.perf_counter()
        text = fn(html)
        seconds += time.perf_counter() - t0
        out = _squash(text)
        pos, in_order = 0, True
        for line in body:
            s = _squash(line)
            body_all += len(s)
            k = out.find(s, pos)
            if k >= 0:
                body_hit += len(s)
                pos = k + len(s)
            elif s in out:
                body_hit += len(s)
                in_order = False
        ordered += in_order
        if DISCLOSED[0] in html:
            disclosed += all(_squash(d) in out for d in DISCLOSED)
        if title:
            titles += 1
            if read_title:
                titled += read_meta([ln for ln in text.split("\n") if ln]).title == title
            else:
                k = out.find(_squash(title))
                first = out.find(_squash(body[0])) if body else len(out)
                titled += k >= 0 and (first < 0 or k <= first)
        for c in CHROME:
            s = _squash(c)
            chrome_all += len(s)
            # a menu word such as 首页 may occur in the body itself: count it only when it
            # occurs more often than in the body
            chrome_hit += len(s) * (out.count(s) > sum(_squash(b).count(s) for b in body)
                                    + (title or "").count(c))
    n = len(pages)
    return {"body": body_hit / body_all, "order": ordered / n,
            "title": titled / titles if titles else 1.0, "chrome": chrome_hit / chrome_all,
            "disclosed": disclosed / disclosing if disclosing else 1.0,
            "ms": 1000 * seconds / n}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=None)
    args = ap.parse_args(argv)
    from pbdocs.metadata import read_meta
    from pbdocs.normalize import normalize
    from pbdocs.pagechrome import FIELD_LINE

    pages, refs = [], []
    for f in sorted(TEXTS.glob("*.txt")):
        raw = f.read_text(encoding="utf-8")
        title, body = _split(raw)
        # what the normaliser makes of the text itself: the reference once it has run
        norm = [ln for ln in normalize(raw)[0].split("\n") if ln and not FIELD_LINE.match(ln)]
        ref_title = read_meta(norm).title
        for build in LAYOUTS.values():
            html = build(title, body)
            pages.append((title, body, html))
            refs.append((ref_title, [ln for ln in norm if ln != ref_title], html))
    lines = ["$ python benchmarks/html_extractors.py" + (f" --out {args.out}" if args.out else ""),
             f"{len(pages)} pages ({len(pages) // len(LAYOUTS)} devcorpus texts x "
             f"{len(LAYOUTS)} layouts)",
             f"{'extractor':28s} {'body':>6s} {'order':>6s} {'title':>6s} {'chrome':>7s} "
             f"{'meta':>6s} {'ms/page':>8s}"]
    for stage in ("extractor alone", "extractor + pbdocs normalizer"):
        lines.append(f"-- {stage}")
        for name, fn in EXTRACTORS.items():
            try:
                r = (evaluate(fn, pages) if stage == "extractor alone"
                     else evaluate(normalized(fn), refs, read_title=True))
            except ImportError as e:
                lines.append(f"{name:28s} not installed ({e.name})")
                continue
            lines.append(f"{name:28s} {r['body']:6.3f} {r['order']:6.3f} {r['title']:6.3f} "
                         f"{r['chrome']:7.3f} {r['disclosed']:6.3f} {r['ms']:8.1f}")
    report = "\n".join(lines) + "\n"
    sys.stdout.write(report)
    if args.out:
        Path(args.out).write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
