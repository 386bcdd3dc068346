#!/usr/bin/env python3
"""datatrove's own values for the quality signals of internal/signals.

Pinned versions (scripts/requirements-signals.txt): datatrove==0.10.1, spacy==3.8.18,
regex==2026.11.19, numpy==2.4.6, on CPython 3.11 (Unicode 14.0.0). datatrove tokenises
English words and sentences with a blank spaCy "en" pipeline (tokenizer + sentencizer),
so spaCy's version is part of the pin.

    python -m venv /tmp/dt && /tmp/dt/bin/pip install -r scripts/requirements-signals.txt

Commands (run from the module root):

    /tmp/dt/bin/python scripts/datatrove_signals.py            # = values
    /tmp/dt/bin/python scripts/datatrove_signals.py values     # testdata/signals/datatrove.jsonl + tokens.jsonl
    /tmp/dt/bin/python scripts/datatrove_signals.py tables     # internal/signals/tables_gen.go
    /tmp/dt/bin/python scripts/datatrove_signals.py texts      # testdata/signals/texts.jsonl

values: for every text of texts.jsonl, runs datatrove's GopherQualityFilter,
GopherRepetitionFilter, C4QualityFilter and FineWebQualityFilter (default thresholds,
language english) on a datatrove Document, and records each keep/drop decision with the
reason datatrove gives; the signals are computed with datatrove's own helpers
(split_into_words, split_into_sentences, find_duplicates, find_top_duplicate,
find_all_duplicate, get_n_grams, PUNCTUATION_SET, TERMINAL_PUNCTUATION, STOP_WORDS,
CITATION_REGEX, END_PUNCTUATION, POLICY_SUBSTRINGS) with the filters' own expressions.
Each replica is checked against the filter: the thresholds applied to the replicated
signals must give the filter's decision and reason, or the script fails.
tokens.jsonl has datatrove's word list (split_into_words) of every text, and the word
list and sentence count (split_into_sentences) of some 19000 tokeniser edge cases: every
spaCy special case in contexts, IP addresses, ports, label lengths, random strings.

texts: some ScrapingHub article bodies and page text dumps (testdata/bench/scrapinghub)
and the edge cases of crafted().

tables: the Unicode classes (by brute force over every code point, with CPython's own
str methods and re), spaCy's English affix lists and special cases, for the Go port.
"""

import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEXTS = os.path.join(ROOT, "testdata", "signals", "texts.jsonl")
VALUES = os.path.join(ROOT, "testdata", "signals", "datatrove.jsonl")
TOKENS = os.path.join(ROOT, "testdata", "signals", "tokens.jsonl")
TABLES = os.path.join(ROOT, "internal", "signals", "tables_gen.go")
BENCH = os.path.join(ROOT, "testdata", "bench", "scrapinghub")

VERSIONS = {"datatrove": "0.10.1", "spacy": "3.8.18"}


def check_versions():
    from importlib.metadata import version

    for name, want in VERSIONS.items():
        got = version(name)
        if got != want:
            sys.exit(f"{name} {got} installed, {want} pinned (scripts/requirements-signals.txt)")


# ---------------------------------------------------------------- tables


def char_ranges(pred):
    """The code points (no surrogates) where pred holds, as sorted [lo, hi] ranges."""
    out = []
    lo = None
    for cp in range(0x110000):
        ok = not (0xD800 <= cp <= 0xDFFF) and pred(chr(cp))
        if ok and lo is None:
            lo = cp
        elif not ok and lo is not None:
            out.append((lo, cp - 1))
            lo = None
    if lo is not None:
        out.append((lo, 0x10FFFF))
    return out


def cls_pred(cls):
    rx = re.compile(cls)
    return lambda c: rx.fullmatch(c) is not None


def spacy_classes():
    """The character classes of spaCy's English affix rules, checked against the rules."""
    import spacy
    from spacy.lang import char_classes as cc

    nlp = spacy.blank("en")
    d = nlp.Defaults
    icons = cc.LIST_ICONS[0]
    al, au, a, q = cc.ALPHA_LOWER, cc.ALPHA_UPPER, cc.ALPHA, cc.CONCAT_QUOTES
    suf_dot = r"(?<=[0-9{al}{e}{p}(?:{q})])\.".format(al=al, e=r"%²\-\+", q=q, p=cc.PUNCT)
    suf_upper = r"(?<=[{au}][{au}])\.".format(au=au)
    suf_cur = r"(?<=[0-9])(?:{c})".format(c=cc.CURRENCY)
    suf_unit = r"(?<=[0-9])(?:{u})".format(u=cc.UNITS)
    inf_dot = r"(?<=[{al}{q}])\.(?=[{au}{q}])".format(al=al, au=au, q=q)
    inf_comma = r"(?<=[{a}]),(?=[{a}])".format(a=a)
    inf_hyph = r"(?<=[{a}0-9])(?:{h})(?=[{a}])".format(a=a, h=cc.HYPHENS)
    inf_sym = r"(?<=[{a}0-9])[:<>=/](?=[{a}])".format(a=a)
    inf_math = r"(?<=[0-9])[+\-\*^](?=[0-9-])"
    want_inf = [r"\.\.+", "…", icons, inf_math, inf_dot, inf_comma, inf_hyph, inf_sym]
    assert list(d.infixes) == want_inf, "spaCy's English infixes changed"
    specials = {
        r"\.\.+": "dots",
        icons: "icon",
        r"\+(?![0-9])": "plus_not_digit",
        r"(?<=[0-9])\+": "digit_plus",
        r"(?<=°[FfCcKk])\.": "degree_dot",
        suf_cur: "digit_currency",
        suf_unit: "digit_unit",
        suf_dot: "class_dot",
        suf_upper: "upper_upper_dot",
    }
    return nlp, specials, {
        "icon": icons,
        "alpha": "[" + a + "]",
        "alphaLower": "[" + al + "]",
        "alphaUpper": "[" + au + "]",
        "lowerQuote": "[" + al + q + "]",
        "upperQuote": "[" + au + q + "]",
        "sufDotBefore": suf_dot[len("(?<=") : -len(r")\.")],
    }, {"currency": cc.CURRENCY, "units": cc.UNITS, "hyphens": cc.HYPHENS}


LITERAL = re.compile(r"(?:\\.|[^.^$*+?{}\[\]|()\\])+")


def unescape(s):
    return re.sub(r"\\(.)", r"\1", s)


def affix_list(entries, specials):
    """[kind, literal] per alternative, in the order of the compiled regex."""
    out = []
    for e in entries:
        if not e.strip():  # spacy.util.compile_*_regex drop these
            continue
        if e in specials:
            out.append((specials[e], ""))
        elif LITERAL.fullmatch(e):
            out.append(("literal", unescape(e)))
        else:
            sys.exit(f"unknown affix rule {e!r}")
    return out


def go_string(s):
    return json.dumps(s, ensure_ascii=False)


def emit_ranges(w, name, ranges, doc):
    w(f"// {name}: {doc}\nvar {name} = []rng{{\n")
    line = "\t"
    for lo, hi in ranges:
        item = f"{{0x{lo:X}, 0x{hi:X}}}, "
        if len(line) + len(item) > 96:
            w(line.rstrip() + "\n")
            line = "\t"
        line += item
    w(line.rstrip() + "\n}\n\n")


def emit_strings(w, name, items, doc):
    w(f"// {name}: {doc}\nvar {name} = []string{{\n")
    for s in items:
        w(f"\t{go_string(s)},\n")
    w("}\n\n")


def tables():
    check_versions()
    from datatrove.utils.text import PUNCTUATION_SET, TERMINAL_PUNCTUATION
    from spacy.pipeline.sentencizer import Sentencizer

    nlp, specials, classes, alts = spacy_classes()
    tok = nlp.tokenizer
    d = nlp.Defaults
    for name, rx in (("prefix", tok.prefix_search), ("suffix", tok.suffix_search)):
        entries = d.prefixes if name == "prefix" else d.suffixes
        fmt = "^{}" if name == "prefix" else "{}$"
        joined = "|".join(fmt.format(e) for e in entries if e.strip())
        assert rx.__self__.pattern == joined, f"spaCy's {name} regex is not its list"
    prefixes = affix_list(d.prefixes, specials)
    suffixes = affix_list(d.suffixes, specials)

    out = []
    w = out.append
    w("// Code generated by scripts/datatrove_signals.py tables; DO NOT EDIT.\n")
    w(f"// From CPython {sys.version.split()[0]} (Unicode {unicodedata.unidata_version}), "
      f"spaCy {VERSIONS['spacy']}, datatrove {VERSIONS['datatrove']}.\n\npackage signals\n\n")
    preds = [
        ("pySpaceRanges", str.isspace, "Python str.isspace (re \\s, str.split, str.strip)"),
        ("pyAlphaRanges", str.isalpha, "Python str.isalpha"),
        ("pyWordRanges", cls_pred(r"\w"), "Python re \\w"),
        ("pyDigitRanges", cls_pred(r"\d"), "Python re \\d (Unicode Nd)"),
        ("punctCatRanges", lambda c: unicodedata.category(c).startswith("P"),
         "Unicode category P* (spaCy Lexeme.is_punct)"),
        ("gopherPunctRanges", lambda c: c in PUNCTUATION_SET, "datatrove PUNCTUATION_SET"),
        ("terminalPunctRanges", lambda c: c in TERMINAL_PUNCTUATION, "datatrove TERMINAL_PUNCTUATION"),
        ("sentPunctRanges", lambda c: c in set(Sentencizer.default_punct_chars),
         "spaCy Sentencizer.default_punct_chars"),
    ]
    for key, cls in classes.items():
        preds.append((key + "Ranges", cls_pred(cls), f"spaCy English tokenizer class {key}"))
    for name, pred, doc in preds:
        print("class", name, file=sys.stderr)
        emit_ranges(w, name, char_ranges(pred), doc)

    def emit_affixes(name, items, doc):
        w(f"// {name}: {doc}\nvar {name} = []affix{{\n")
        for kind, lit in items:
            w(f"\t{{{kindname(kind)}, {go_string(lit)}}},\n")
        w("}\n\n")

    emit_affixes("prefixRules", prefixes, "spaCy English prefix_search alternatives, in order")
    emit_affixes("suffixRules", suffixes, "spaCy English suffix_search alternatives, in order")
    emit_strings(w, "currencyLiterals", [unescape(x) for x in alts["currency"].split("|")],
                 "the alternatives of spaCy's CURRENCY (suffix after a digit)")
    emit_strings(w, "unitLiterals", alts["units"].split("|"), "the alternatives of spaCy's UNITS (suffix after a digit)")
    emit_strings(w, "hyphenLiterals", alts["hyphens"].split("|"), "the alternatives of spaCy's HYPHENS (infix), in order")

    rules = tok.rules
    w("// specialCases: spaCy English tokenizer exceptions: string -> ORTH of its tokens.\n")
    w("var specialCases = map[string][]string{\n")
    for k in sorted(rules):
        parts = [sub[65] for sub in rules[k]]  # 65 = spacy.symbols.ORTH
        assert "".join(parts) == k
        w(f"\t{go_string(k)}: {{{', '.join(go_string(p) for p in parts)}}},\n")
    w("}\n\n")
    # Tokenizer._special_matcher: the special cases with an affix or a space, as the
    # token sequence the tokenizer gives them without special cases.
    from spacy.tokenizer import Tokenizer

    bare = Tokenizer(nlp.vocab, rules={}, prefix_search=tok.prefix_search,
                     suffix_search=tok.suffix_search, infix_finditer=tok.infix_finditer,
                     token_match=tok.token_match, url_match=tok.url_match)
    w("// specialPatterns: the special cases spaCy's tokenizer also looks for in the token\n")
    w("// sequence (Tokenizer._special_matcher: those with an affix or a space), each as the\n")
    w("// tokens it gets without special cases.\n")
    w("var specialPatterns = map[string][]string{\n")
    for k in sorted(rules):
        if tok.find_prefix(k) or tok.find_infix(k) or tok.find_suffix(k) or " " in k:
            parts = [t.text for t in bare(k)]
            w(f"\t{go_string(k)}: {{{', '.join(go_string(p) for p in parts)}}},\n")
    w("}\n")
    with open(TABLES, "w") as f:
        f.write("".join(out))
    os.system(f"gofmt -w {TABLES}")
    print("wrote", TABLES, file=sys.stderr)


def kindname(kind):
    return "af" + "".join(p.capitalize() for p in kind.split("_"))


# ---------------------------------------------------------------- texts


def crafted():
    """Edge cases for every rule, written for this test."""
    good = ("The committee met on Tuesday to discuss the budget, and it decided that the plan "
            "should go ahead with a few changes. Members said they were happy with the result. "
            "The chair thanked everyone for their work and closed the meeting at noon. ")
    lines = [
        "We walked along the river and talked about the old days with our friends.",
        "She said that the weather would change by the end of the week, and it did.",
        "They have to be careful with the new rules because the city is watching.",
        "He wanted to know if the shop was open on Sunday and when it would close.",
        "The children played in the park until the sun went down behind the hills.",
        "It is not easy to find a good place to live in a big city like this one.",
    ]
    body = "\n".join(lines)
    out = [
        ("empty", ""),
        ("whitespace", "   \n\n \t \n"),
        ("one_word", "Hello"),
        ("very_short", "Hello there. How are you?"),
        ("only_symbols", "!!! ??? ... --- ### *** ((( ))) ,,, ;;; ::: ''' \"\"\""),
        ("good_lines", body),
        ("good_paragraph", good * 4),
        ("bullets", "\n".join(("• " if i % 2 else "- ") + x for i, x in enumerate(lines * 3))),
        ("bullets_some", "\n".join(("  - " + x if i % 3 == 0 else x) for i, x in enumerate(lines * 2))),
        ("end_ellipsis", "\n".join(x[:-1] + ("..." if i % 2 else "…") for i, x in enumerate(lines * 2))),
        ("hashes", " ".join(f"#tag{i} word" for i in range(60)) + " the end of it and that is all."),
        ("ellipsis_words", ("and then ... we went … to the shop ... with it " * 12).strip()),
        ("dup_lines", "\n".join([lines[0], lines[1]] * 6 + lines[2:])),
        ("dup_paragraphs", "\n\n".join([lines[0], lines[1], lines[0], lines[2], lines[0], lines[3]])),
        ("dup_boilerplate", body + "\n" + "Share this article on Facebook\n" * 5 + body.replace("the", "a")),
        ("ngram_repeat", "the cat sat on the mat and " * 40),
        ("ngram_concat", "ab c a bc ab c a bc ab c a bc x y z ab c a bc ab c a bc ab c a bc " * 3),
        ("lorem_ipsum", body + "\nLorem ipsum dolor sit amet, consectetur adipiscing elit.\n" + body),
        ("lorem_short_line", body + "\nlorem ipsum\n" + body),
        ("lorem_turkish_i", body + "\nLOREM \u0130PSUM dolor sit amet, consectetur adipiscing elit.\n" + body),
        ("javascript", "Please enable JavaScript to view the comments powered by Disqus.\n" + body
         + "\nThis page needs javascript to work properly in your browser."),
        ("curly", body + "\nThe function is defined as f(x) { return x + 1; } in the code.\n" + body),
        ("curly_after_lorem", body + "\nA lorem ipsum { placeholder } text goes here.\nThe code { x } is here.\n"),
        ("curly_before_lorem", body + "\nThe code { x } is here.\nA lorem ipsum placeholder text goes here.\n"),
        ("curly_no_punct", body + "\nconst a = { b: 1 }\n" + body),
        ("policy", body + "\nThis site uses cookies to improve your experience.\nRead our Privacy Policy "
         "and Terms of Use before you go.\nWe use coo\u212aies (with a Kelvin sign) on this site.\n" + body),
        ("citations", "Paris is the capital and most populous city of France.[1] It has an area of 105 "
         "square kilometres.[2][3] The city is a major railway hub.[citation needed]\nIt was "
         "founded in the 3rd century BC by a Celtic people.[edit] The Romans conquered it.[12]\n"
         "Its name comes from the Parisii [4].\nSee [\u0663] and [\u0661\u0662].\n" + body),
        ("long_word", body + "\nThis line has a very long word " + "x" * 1001 + " in it.\n" + body),
        ("few_words_lines", "Yes.\nNo way.\nOK then.\n" + body),
        ("terminal_quotes", "He said \"we will go to the market.\"\nShe said 'it is too late!'\n"
         "Are we there yet?\nWhat a day it was!\nIt ended with an ellipsis...\n" + body),
        ("crlf_and_separators", body.replace("\n", "\r\n") + "\r\n\r\n" + "\x0b".join(lines[:2])
         + "\x0c" + lines[2] + "\u2028" + lines[3] + "\u2029" + lines[4] + "\x1c" + lines[5]
         + "\x85" + lines[0] + "\r" + lines[1] + "\x1d" + lines[2] + "\x1e" + lines[3]),
        ("trailing_spaces", "\n".join(x + "  " if i % 2 else "\t" + x + "\t" for i, x in enumerate(lines * 2))),
        ("short_lines", "\n".join(["Home", "News", "Sport", "Weather", "Contact us", "About"] * 3) + "\n" + lines[0]),
        ("many_newlines", "\n\n\n".join(w for x in lines for w in x.split()[:4])),
        ("leading_trailing_newlines", "\n\n" + body + "\n\n" + body + "\n"),
        ("contractions", "I can't believe it's not butter. Don't you think so? We'd've gone if "
         "they'd asked. Y'all ain't seen nothin' yet. She's gonna wanna know. Dr. Smith arrived "
         "at 10 a.m. on Jan. 5th, e.g. with Mr. Jones, i.e. his friend. It\u2019s the U.S. vs. the "
         "U.K. again. O'Neill's car isn't here; the dogs' bowls are. Let's go, 'cause we've got "
         "to. I'm sure you'll see it. They're here and we're not. 'Tis the season."),
        ("urls_emails", "Visit https://example.com/a-b?c=d&e=f, or http://www.test-site.org:8080/path/to-page. "
         "Mail john.doe@example.org or jane_doe+news@mail.co.uk for more. See www.bbc.co.uk/news "
         "and ftp://files.example.net/x-y. IPs: 192.168.0.1, 10.0.0.1/abc-def, 8.8.8.8:53/x-y, "
         "172.16.5.4 and 1.2.3.4. Also example.com-like words, user@host, a.b.c.d and lower.Upper."),
        ("emoticons", "I love it :) really :-) no :( yes :D <3 ok (^_^) hmm ;-) lol xD :P "
         "and this:) or that:( or (:  ... 8) and :-/ plus <33 and ): and =) and :'( sad."),
        ("numbers_units", "It costs $5.99 or US$10, \u20ac20, \u00a33.50 and 100\u00a5. The run was 10km, 5.5mi "
         "or 20km/h at 30\u00b0C (86\u00b0F). Growth was 3.5% to 4,000,000 people, +5 and -3, 2+2=4, "
         "3*4, 5^2, 10-20 pages, 1990s-2000s. Speeds of 100mph, 5kg, 3mm, 2GB, 10MB. A 10x "
         "zoom at 8am and 5p.m. on 2019-11-20, 12:30, ratio 16:9, 3/4 cup."),
        ("unicode_punct", "\u201cHello,\u201d she said \u2014 \u201cit\u2019s fine.\u201d \u00abBonjour\u00bb "
         "\u201eGuten Tag\u201c \u300c\u3053\u3093\u306b\u3061\u306f\u300d "
         "Well\u2026 maybe\u2014or not\u2013who knows?! The end\u203d Really\u2049 It's 20\u201330 years; the 1990\u2019s. "
         "Arrows \u2192 and \u2190 and stars \u2605\u2606 and checks \u2713\u2714 and \u00a92019 \u00aeTM "
         "\u00b0C \u00b6 \u00a7 \u2030 \u2039a\u203a \u27e8b\u27e9."),
        ("hyphens_infixes", "A well-known, state-of-the-art, long--dash and triple---dash and "
         "em\u2014dash and en\u2013dash, a~b, co-op, e-mail, x-ray. Words,with,commas and dot.Separated "
         "and camel.Case and A.B.C. and U.S.A. and 3.14.15 and a:b, a<b, a>b, a=b, a/b, 5/b."),
        ("french", "Le gouvernement a annonc\u00e9 mardi une s\u00e9rie de mesures pour soutenir l'\u00e9conomie. "
         "Les entreprises qui ont \u00e9t\u00e9 touch\u00e9es par la crise pourront demander une aide. \u00ab C'est "
         "une \u00e9tape importante \u00bb, a d\u00e9clar\u00e9 le ministre. Aujourd'hui, pr\u00e8s de 10 % des salari\u00e9s "
         "sont au ch\u00f4mage partiel. Qu'en pensez-vous ? Le d\u00e9bat continue \u00e0 l'Assembl\u00e9e nationale."),
        ("german", "Die Bundesregierung hat am Dienstag ein neues Gesetz beschlossen. Es soll die "
         "Mieten in gro\u00dfen St\u00e4dten begrenzen. \u201eDas ist ein wichtiger Schritt\u201c, sagte die "
         "Ministerin. Kritiker halten die Ma\u00dfnahmen f\u00fcr unzureichend. Die Opposition will "
         "dagegen klagen. \u00dcber 60 % der B\u00fcrger bef\u00fcrworten den Plan laut einer Umfrage."),
        ("russian", "\u041f\u0440\u0430\u0432\u0438\u0442\u0435\u043b\u044c\u0441\u0442\u0432\u043e "
         "\u043e\u0431\u044a\u044f\u0432\u0438\u043b\u043e \u043e \u043d\u043e\u0432\u044b\u0445 "
         "\u043c\u0435\u0440\u0430\u0445 \u043f\u043e\u0434\u0434\u0435\u0440\u0436\u043a\u0438. "
         "\u00ab\u042d\u0442\u043e \u0432\u0430\u0436\u043d\u044b\u0439 \u0448\u0430\u0433\u00bb, \u2014 "
         "\u0437\u0430\u044f\u0432\u0438\u043b \u043c\u0438\u043d\u0438\u0441\u0442\u0440. 60% "
         "\u0433\u0440\u0430\u0436\u0434\u0430\u043d \u0437\u0430 \u043f\u043b\u0430\u043d."),
        ("chinese", "\u653f\u5e9c\u5468\u4e8c\u5ba3\u5e03\u4e86\u4e00\u7cfb\u5217\u652f\u6301\u7ecf\u6d4e"
         "\u7684\u63aa\u65bd\u3002\u90e8\u957f\u8868\u793a\uff1a\u201c\u8fd9\u662f\u91cd\u8981\u7684"
         "\u4e00\u6b65\u3002\u201d\n\u53cd\u5bf9\u6d3e\u6279\u8bc4\u4e86\u8fd9\u4e00\u51b3\u5b9a\u3002"),
        ("japanese", "\u653f\u5e9c\u306f\u706b\u66dc\u65e5\u3001\u7d4c\u6e08\u3092\u652f\u63f4\u3059\u308b"
         "\u305f\u3081\u306e\u63aa\u7f6e\u3092\u767a\u8868\u3057\u305f\u3002\u300c\u3053\u308c\u306f"
         "\u91cd\u8981\u306a\u4e00\u6b69\u3060\u300d\u3068\u5927\u81e3\u306f\u8ff0\u3079\u305f\u3002"
         "\u5e02\u6c11\u306e\uff16\uff10\uff05\u304c\u8a08\u753b\u3092\u652f\u6301\u3057\u3066\u3044\u308b\u3002"),
        ("arabic", "\u0623\u0639\u0644\u0646\u062a \u0627\u0644\u062d\u0643\u0648\u0645\u0629 "
         "\u0639\u0646 \u0625\u062c\u0631\u0627\u0621\u0627\u062a \u0644\u062f\u0639\u0645 "
         "\u0627\u0644\u0627\u0642\u062a\u0635\u0627\u062f. \u0648\u0642\u0627\u0644 "
         "\u0627\u0644\u0648\u0632\u064a\u0631: \u00ab\u0647\u0630\u0647 \u062e\u0637\u0648\u0629 "
         "\u0645\u0647\u0645\u0629\u00bb. \u064a\u0624\u064a\u062f \u0666\u0660\u066a \u0627\u0644\u062e\u0637\u0629\u061f"),
        ("mixed_scripts_digits", "Version 2.0.1 of the app ships today. Call \u0660\u0661\u0662\u0663 or "
         "\u0967\u0968\u0969. The score was 3\u20131. \u00dcber caf\u00e9 na\u00efve r\u00e9sum\u00e9. "
         "\u03a9mega and \u03a3\u038a\u03a3\u03a5\u03a6\u039f\u03a3. \u01a2 and \u01c5 and \ufb01 ligature. "
         "\uff21\uff22\uff23 full-width and \uff11\uff12\uff13 digits. Emoji \U0001F600\U0001F44D\U0001F3FD "
         "and \U0001F1EB\U0001F1F7 flags. \U00020000\U0002A6D6 ext-B."),
        ("control_chars", "Some text\x00with\x07control\x1fchars and\x7fdel and \x9f too. "
         "A zero\u200bwidth space and a soft\u00adhyphen and a no-break\u00a0space here. "
         "The\u3000ideographic space. Tabs\tbetween\t\twords. And multiple    spaces  here."),
        ("long_words", " ".join(f"Extraordinary{i} characteristically incomprehensibilities." for i in range(30))),
        ("no_stop_words", " ".join(f"Green{i} apples taste sweet, red cherries taste sour." for i in range(12))),
        ("long_doc", "a " * 100001),
        ("dup_para_chars", "\n\n".join([(good * 2).strip()] + lines + [(good * 2).strip()])),
        ("dup_line_chars", "\n".join([good] + lines + [good] + lines[:2])),
        ("list_ratio", "\n".join(f"Incomprehensibilities{i} characteristically." for i in range(40))),
        ("sentences_spaces", "One.  Two!   Three?\tFour. . . Five!? Six.\u00a0Seven. \"Eight.\" (Nine.) "
         "Ten...Eleven. Twelve!!! Thirteen?! Fourteen. Fifteen.\nA b c. D e f! G h i? J k l. M n o."),
    ]
    # a block of 60 words seen twice in n words: these lengths make each duplicated_N rule
    # the first to fail
    for n, t in ((6, 303), (7, 324), (8, 325), (9, 351), (10, 368)):
        out.append((f"dup_{n}_grams", repeated_block(60, t)))
    return [{"id": "crafted/" + k, "text": v} for k, v in out]


def repeated_block(k, n):
    """n distinct words but for a block of k words that comes twice."""
    block = [f"b{i:04d}" for i in range(k)]
    rest = [f"u{i:05d}" for i in range(n - 2 * k)]
    half = len(rest) // 2
    return " ".join(rest[:half] + block + rest[half:] + block)


def real_texts():
    """Some article bodies and page text dumps of the ScrapingHub benchmark (MIT)."""
    with open(os.path.join(BENCH, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    ids = sorted(truth)
    out = []
    for i in ids[::30]:
        out.append({"id": "scrapinghub/articleBody/" + i[:12], "text": truth[i]["articleBody"]})
    dumps = []
    for i in ids:
        with open(os.path.join(BENCH, "textdumps", i + ".txt"), encoding="utf-8") as f:
            t = f.read()
        if len(t) <= 20000:
            dumps.append((i, t))
    for i, t in dumps[::25]:
        out.append({"id": "scrapinghub/textdump/" + i[:12], "text": t})
    return out


def texts():
    rows = real_texts() + crafted()
    with open(TEXTS, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} texts to {TEXTS}", file=sys.stderr)


# ---------------------------------------------------------------- values


def py_signals(text):
    """The signals, each computed with datatrove's helpers as its filter computes it."""
    from datatrove.utils.text import split_into_words
    from datatrove.utils.typeshelper import Languages

    words = split_into_words(text, Languages.english)
    s = {"chars": len(text)}
    s.update(gopher_quality_signals(text, words))
    s.update(gopher_repetition_signals(text, words))
    s.update(c4_signals(text))
    s.update(fineweb_signals(text, words))
    return s, words


def gopher_quality_signals(text, words):
    """GopherQualityFilter.filter's values."""
    import numpy as np
    from datatrove.pipeline.filters.gopher_quality_filter import STOP_WORDS
    from datatrove.utils.text import PUNCTUATION_SET

    n_words = len(words)
    non_symbol_words = [w for w in words if any(ch not in PUNCTUATION_SET for ch in w)]
    lines = text.splitlines()

    def per_word(x):
        return x / n_words if n_words else 0.0

    def per_line(x):
        return x / len(lines) if lines else 0.0

    return {
        "gopher_token_count": n_words,
        "gopher_word_count": len(non_symbol_words),
        "gopher_mean_word_length": (
            float(np.mean([len(w) for w in non_symbol_words])) if non_symbol_words else 0.0),
        "gopher_hash_ratio": per_word(text.count("#")),
        "gopher_ellipsis_ratio": per_word(text.count("...") + text.count("…")),
        "gopher_lines": len(lines),
        "gopher_bullet_lines_ratio": per_line(
            sum(x.lstrip().startswith("•") or x.lstrip().startswith("-") for x in lines)),
        "gopher_ellipsis_lines_ratio": per_line(
            sum(x.rstrip().endswith("...") or x.rstrip().endswith("…") for x in lines)),
        "gopher_alpha_words_ratio": per_word(sum([any((c.isalpha() for c in w)) for w in words])),
        "gopher_stop_words": len(set(STOP_WORDS).intersection(set(words))),
    }


def gopher_repetition_signals(text, words):
    """GopherRepetitionFilter.filter's values."""
    from datatrove.pipeline.filters.gopher_repetition_filter import (
        find_all_duplicate, find_duplicates, find_top_duplicate, get_n_grams)

    def per_char(x):
        return x / len(text) if text else 0.0

    s = {}
    paragraphs = re.compile(r"\n{2,}").split(text.strip())
    dup, chars = find_duplicates(paragraphs)
    s["gopher_dup_para_frac"] = dup / len(paragraphs) if text else 0.0
    s["gopher_dup_para_char_frac"] = per_char(chars)
    lines = re.compile("\n+").split(text)
    dup, chars = find_duplicates(lines)
    s["gopher_dup_line_frac"] = dup / len(lines) if text else 0.0
    s["gopher_dup_line_char_frac"] = per_char(chars)
    for n in (2, 3, 4):
        n_grams = get_n_grams(words, n)
        s[f"gopher_top_{n}_gram_frac"] = per_char(find_top_duplicate(n_grams)) if n_grams else 0.0
    for n in range(5, 11):
        s[f"gopher_dup_{n}_gram_frac"] = per_char(find_all_duplicate(words, n))
    return s


def c4_signals(text):
    """C4QualityFilter.filter's line loop (split_paragraph=True), over every line: the
    filter returns at the first lorem ipsum or curly bracket line."""
    from datatrove.pipeline.filters.c4_filters import (
        CITATION_REGEX, ELLIPSIS, END_PUNCTUATION, POLICY_SUBSTRINGS)
    from datatrove.utils.text import split_into_sentences
    from datatrove.utils.typeshelper import Languages

    c = {k: 0 for k in ("lines", "lines_kept", "lines_too_long_word", "lines_no_terminal_punct",
                        "lines_too_few_words", "lines_javascript", "lines_policy",
                        "lorem_ipsum_line", "curly_bracket_line", "sentences")}
    for i, line in enumerate(text.splitlines(), 1):
        c["lines"] += 1
        line = line.strip()
        lwords = line.split()
        if any(len(word) > 1000 for word in lwords):
            c["lines_too_long_word"] += 1
            continue
        line = CITATION_REGEX.sub("", line)
        if not line.endswith(END_PUNCTUATION) or line.endswith(ELLIPSIS):
            c["lines_no_terminal_punct"] += 1
            continue
        if len(lwords) < 3:
            c["lines_too_few_words"] += 1
            continue
        line_l = line.lower()
        if "lorem ipsum" in line_l:
            c["lorem_ipsum_line"] = c["lorem_ipsum_line"] or i
            continue
        if "javascript" in line_l:
            c["lines_javascript"] += 1
            continue
        if "{" in line:
            c["curly_bracket_line"] = c["curly_bracket_line"] or i
            continue
        if any(p in line_l for p in POLICY_SUBSTRINGS):
            c["lines_policy"] += 1
            continue
        c["sentences"] += len(split_into_sentences(line, Languages.english))
        c["lines_kept"] += 1
    s = {"c4_" + k: v for k, v in c.items()}
    s["c4_kept_lines_frac"] = c["lines_kept"] / c["lines"] if c["lines"] else 0.0
    return s


def fineweb_signals(text, words):
    """FineWebQualityFilter.filter's values."""
    from datatrove.pipeline.filters.gopher_repetition_filter import find_duplicates
    from datatrove.utils.text import TERMINAL_PUNCTUATION

    lines = [x for x in text.split("\n") if x.strip() != ""]
    s = {"fineweb_lines": len(lines)}
    if not lines:
        for k in ("line_punct_ratio", "short_line_ratio", "char_dup_ratio", "list_ratio"):
            s["fineweb_" + k] = 0.0
        return s
    stop_chars = tuple(TERMINAL_PUNCTUATION)
    s["fineweb_line_punct_ratio"] = sum(1 for x in lines if x.endswith(stop_chars)) / len(lines)
    s["fineweb_short_line_ratio"] = sum(1 for x in lines if len(x) <= 30) / len(lines)
    s["fineweb_char_dup_ratio"] = find_duplicates(lines)[1] / len(text.replace("\n", ""))
    s["fineweb_list_ratio"] = text.count("\n") / len(words)
    return s


GOPHER_QUALITY_RULES = [  # (reason, signal, op, threshold), GopherQualityFilter's order
    ("gopher_short_doc", "gopher_word_count", "<", 50),
    ("gopher_long_doc", "gopher_word_count", ">", 100000),
    ("gopher_below_avg_threshold", "gopher_mean_word_length", "<", 3),
    ("gopher_above_avg_threshold", "gopher_mean_word_length", ">", 10),
    ("gopher_too_many_hashes", "gopher_hash_ratio", ">", 0.1),
    ("gopher_too_many_ellipsis", "gopher_ellipsis_ratio", ">", 0.1),
    ("gopher_too_many_bullets", "gopher_bullet_lines_ratio", ">", 0.9),
    ("gopher_too_many_end_ellipsis", "gopher_ellipsis_lines_ratio", ">", 0.3),
    ("gopher_below_alpha_threshold", "gopher_alpha_words_ratio", "<", 0.8),
    ("gopher_enough_stop_words", "gopher_stop_words", "<", 2),
]
GOPHER_REPETITION_RULES = [
    ("dup_para_frac", "gopher_dup_para_frac", ">", 0.3),
    ("dup_para_char_frac", "gopher_dup_para_char_frac", ">", 0.2),
    ("dup_line_frac", "gopher_dup_line_frac", ">", 0.3),
    ("dup_line_char_frac", "gopher_dup_line_char_frac", ">", 0.2),
    ("top_2_gram", "gopher_top_2_gram_frac", ">", 0.2),
    ("top_3_gram", "gopher_top_3_gram_frac", ">", 0.18),
    ("top_4_gram", "gopher_top_4_gram_frac", ">", 0.16),
] + [(f"duplicated_{n}_n_grams", f"gopher_dup_{n}_gram_frac", ">", t)
     for n, t in ((5, 0.15), (6, 0.14), (7, 0.13), (8, 0.12), (9, 0.11), (10, 0.10))]
FINEWEB_RULES = [
    ("line_punct_ratio", "fineweb_line_punct_ratio", "<", 0.12),
    ("short_line_ratio", "fineweb_short_line_ratio", ">", 0.67),
    ("char_dup_ratio", "fineweb_char_dup_ratio", ">", 0.01),
    ("list_ratio", "fineweb_list_ratio", ">", 0.3),
]


def first_rule(s, rules):
    for reason, key, op, thr in rules:
        if (s[key] < thr) if op == "<" else (s[key] > thr):
            return reason
    return ""


def judge(s):
    """The default thresholds applied to the signals, as the Go Filters apply them."""
    lo, cu = s["c4_lorem_ipsum_line"], s["c4_curly_bracket_line"]
    if lo and (not cu or lo <= cu):
        c4 = "lorem_ipsum"
    elif cu:
        c4 = "curly_bracket"
    else:
        c4 = "too_few_sentences" if s["c4_sentences"] < 5 else ""
    return {
        "gopher_quality": first_rule(s, GOPHER_QUALITY_RULES),
        "gopher_repetition": "empty" if s["chars"] == 0 else first_rule(s, GOPHER_REPETITION_RULES),
        "c4": c4,
        "fineweb": "empty" if s["fineweb_lines"] == 0 else first_rule(s, FINEWEB_RULES),
    }


def datatrove_decisions(text):
    """Each filter's own filter() on a datatrove Document: keep, or drop with its reason."""
    from datatrove.data import Document
    from datatrove.pipeline.filters import (
        C4QualityFilter, FineWebQualityFilter, GopherQualityFilter, GopherRepetitionFilter)

    filters = {"gopher_quality": GopherQualityFilter(), "gopher_repetition": GopherRepetitionFilter(),
               "c4": C4QualityFilter(), "fineweb": FineWebQualityFilter()}
    out = {}
    for name, f in filters.items():
        res = f.filter(Document(text=text, id="x"))
        keep, reason = res if isinstance(res, tuple) else (res, None)
        assert bool(keep) == (reason is None), (name, res)
        out[name] = {"keep": bool(keep), "reason": reason or ""}
    return out


def token_cases():
    """Tokeniser edge cases: every special case in contexts, and random strings."""
    import random

    import spacy

    rules = sorted(spacy.blank("en").tokenizer.rules)
    cases = []
    for k in rules:
        cases += [k, "x" + k, k + "x", "(" + k + ")", k + ".", "a " + k + " b", '"' + k + '",', k + k]
    cases += [
        "Hello:) x :) x:-)) (:x ;-)x", "'s's 'S' \u2019s\u2019 ''x'' 'x'", "10a.m. 10a.m.. (10a.m.)",
        "http://x.com/a-b,c e.g.e.g. U.S.A.. U.K.'s", "a.b.c-d.e_f-g.h:i.j", "x@y.zz/q-r x@@y.zz",
        "....... ..a.. a...b a\u2026b \u2026\u2026 \u2026\u2026a",
        "+1 +a 1+ a+ 1+1 1-1 1*1 1^1 1-a a-1 a--b a---b a\u2014\u2014b a~b",
        "\u00b0C. \u00b0F. 5\u00b0C. x\u00b0K. \u00b0c.", "5$ $5 5US$ 5C$ 5km 5km/h 5m\u00b2 5kmh. 5%. 5\u00b2.",
        "AB. Ab. aB. A. \u00c9\u00c9. \u0416\u0416.",
        "1.2.3.4 10.1.1.1 127.0.0.1/a-b 169.254.1.1 172.16.1.1 172.32.1.1 192.168.1.1 223.1.1.1",
        "1.2.3.4:80/a-b 1.2.3.4:8/a-b 1.2.3.4:123456/a-b 256.1.1.1 0.1.1.1 1.1.1.255 1.1.1.254",
        "a-b.cd a-b.Cd -a.cd a-.cd a.cd- ab_c.de/x-y user:pw@a-b.cd/x mailto:me@a-b.cd",
        "ftp://a-b.cd x://a-b.cd ab+c://a-b.cd a://a-b.cd a.b://c-d.ef 1.2.3.4.5-a",
        "\u0661\u0662.\u0663.\u0664.\u0665/a-b \u0661.\u0662.\u0663.\u0664/a-b 1.\u0662.3.4/a-b a-b.cd:\u0661\u0662/x-y",
        "\uff58-\uff59.\uff43\uff4f\uff4d \u4f8b-\u3048.jp/a-b a-b.\u65e5\u672c",
        "don't DON'T Don't can't cannot gonna gotta 'cause y'all ain't", "I'm I\u2019m i'm it's It\u2019S",
        "a.m. p.m. A.M. Mr. mr. Mrs. St. Jan. e.g. i.e. etc. vs. Inc. Ltd. Co. Corp.",
        "\t\ta\n\nb\r\nc \u00a0d\u3000e  f   g", "", " ", "  ", "\n", "a", ".", "..", "...", "!?", "?!.",
        "Hi. . Hi.  ! Hi.\t. Hi.\u00a0x", "(a) [b] {c} <d> \u00abe\u00bb \u201ef\u201c \u300cg\u300d \u2018h\u2019 \u201ci\u201d",
        "x,y x, y 1,000 a,1 \u00e9,\u00e9 \u03a9,\u03a9 \u4e2d,\u4e2d", "x/y 1/y x/1 a:b 1:b a:1 a<b a>b a=b",
        "1990s-2000s 20\u201330 a\u2013b",
    ]
    octets = ["0", "1", "9", "01", "10", "99", "100", "199", "200", "219", "220", "223", "224", "249",
              "250", "254", "255", "256", "1000"]
    for o in octets:  # URL_MATCH's IP address alternative decides whether "/a-b" splits
        cases += [f"{o}.1.1.1/a-b", f"1.{o}.1.1/a-b", f"1.1.{o}.1/a-b", f"1.1.1.{o}/a-b"]
    for p in ["10.1.2.3", "127.0.0.1", "169.254.1.2", "192.168.1.2", "172.15.1.2", "172.16.1.2",
              "172.29.1.2", "172.31.1.2", "172.32.1.2", "10.1.2", "11.1.2.3", "169.255.1.2"]:
        cases += [p + "/a-b", p + ":8080/a-b", "u@" + p + "/a-b"]
    for port in ["1", "12", "12345", "123456", "\u0661\u0662"]:
        cases += [f"a-b.cd:{port}", f"a-b.cd:{port}/x", f"1.2.3.4:{port}/a-b"]
    for k in (1, 2, 63, 64, 65):  # label and top-level domain lengths
        cases += ["x" * k + ".cd/a-b", "a-" + "x" * k + ".cd/a-b", "a-b." + "c" * k, "a-b." + "c" * k + "/x-y"]
    rnd = random.Random(20260101)
    pool = list("aAbBzZeE019 .,;:!?'\"()[]{}<>-~+*^=/\\@#$%&_|\u2013\u2014\u2026\u201c\u201d\u2018\u2019\u00ab\u00bb\u00b0\u00b2\u20ac\u00a3\u00a5\u20b9") + [
        "\t", "\n", "\u00a0", "\u3000", "\u4e2d", "\u00f6", "\u00c9", "\u03a9", "\u044f", "\u0661",
        "\U0001F600", "\u2605", "\u2192", "\u00a7", "\u00bf", "\u00b7",
        "'s", "n't", "a.m.", ":)", "<3", "http://", "www.", ".com", "@", "e.g.", "U.S.", "...",
    ]
    for _ in range(4000):
        cases.append("".join(rnd.choice(pool) for _ in range(rnd.randint(1, 14))))
    pieces = ["a", "Ab", "AB", "word", "x.", "U.S.", "'s", "n't", "'", '"', "-", "--", "\u2014", ",", "(",
              ")", "[", "]", "...", "\u2026", ":", ";", "/", "?", "!", "1", "2.5", "10", "km", "$", "\u20ac",
              "%", "+", "@", "e.g.", "http://", "www", ".com", ".", "\u00e9t\u00e9", "\u00c9", "\u4e2d\u6587",
              "\u0416\u0436", "\u00b0C", ":)", "<3", "#", "*", "&", "=", "<", ">", "~", "_", "\u201c",
              "\u201d", "\u2019", "\u00ab", "\u00bb", "\u2605", "\U0001F600", "can", "not", "gon", "na"]
    for _ in range(4000):
        cases.append("".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 6))))
    return cases


def values():
    check_versions()
    from datatrove.utils.text import split_into_sentences, split_into_words
    from datatrove.utils.typeshelper import Languages

    with open(TEXTS, encoding="utf-8") as f:
        rows = [json.loads(x) for x in f]
    with open(VALUES, "w", encoding="utf-8") as out, open(TOKENS, "w", encoding="utf-8") as tok:
        for r in rows:
            text = r["text"]
            sig, words = py_signals(text)
            dec = datatrove_decisions(text)
            mine = judge(sig)
            for name, d in dec.items():
                if mine[name] != d["reason"]:
                    sys.exit(f"{r['id']}: {name}: the replicated signals give {mine[name]!r}, "
                             f"datatrove's filter {d['reason']!r}")
            row = {"id": r["id"], "signals": sig, "decisions": dec}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            if len(words) <= 50000:  # the words of crafted/long_doc are 100001 "a"
                tok.write(json.dumps({"id": r["id"], "words": words}, ensure_ascii=False) + "\n")
        for c in token_cases():
            words = split_into_words(c, Languages.english)
            sents = len(split_into_sentences(c, Languages.english))
            tok.write(json.dumps({"text": c, "words": words, "sentences": sents}, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {VALUES} and {TOKENS}", file=sys.stderr)


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "values"
    if cmd not in ("tables", "texts", "values"):
        sys.exit(__doc__)
    globals()[cmd]()
