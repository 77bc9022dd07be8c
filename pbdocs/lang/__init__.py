"""The language data and the helpers every stage shares, in the spirit of spaCy's `lang/zh`:

- `lexicon`: the one loader of the lexicon files under `pbdocs/lexicon/` (extended by a corpus's
  `lexicon/` folder and `$PBDOCS_LEXICON`);
- `numerals`: Chinese numerals both ways;
- `text`: CJK ranges, width folding, sentence splitting;
- `wording`: how model values (dates, periods, operators, time limits, departments, heading
  numbers) are worded for people.

Segmentation (jieba with the domain dictionary) is `pbdocs.segment`.
"""
