/// The one stylesheet, compiled into the binary and served at `/assets/opine.css`: a reading
/// column, serif for the op-eds, yellow marks, a dark scheme, and a phone's width.
enum Stylesheet {
    static let path = "/assets/opine.css"

    static let css = """
        :root { --ink: #1d1d1f; --muted: #6b6b70; --line: #e3e3e6; --paper: #ffffff; --wash: #f6f6f4;
          --accent: #0b57d0; --mark: #ffe58a; --best: #fff8db; color-scheme: light dark; }
        @media (prefers-color-scheme: dark) {
          :root { --ink: #e8e8ea; --muted: #a0a0a8; --line: #34343a; --paper: #17171a; --wash: #202024;
            --accent: #8ab4f8; --mark: #7a6400; --best: #2b2814; }
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: var(--paper); color: var(--ink);
          font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
        a { color: var(--accent); text-decoration: none; }
        a:hover { text-decoration: underline; }
        mark { background: var(--mark); color: inherit; padding: 0 .1em; border-radius: 2px; }
        header.top { background: var(--wash); border-bottom: 1px solid var(--line); padding: .9rem 0 .6rem; }
        header.top > * { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
        .brand { display: block; font: 700 1.35rem/1 Georgia, "Times New Roman", serif; color: var(--ink); letter-spacing: -.01em; margin-bottom: .6rem; }
        .box { display: flex; gap: .5rem; }
        .box input { flex: 1; min-width: 0; font: inherit; padding: .55rem .75rem; border: 1px solid var(--line);
          border-radius: 8px; background: var(--paper); color: var(--ink); }
        .box input:focus { outline: 2px solid var(--accent); outline-offset: -1px; }
        button { font: inherit; padding: .55rem 1rem; border: 0; border-radius: 8px; background: var(--accent); color: #fff; cursor: pointer; }
        details { margin-top: .45rem; font-size: .9rem; color: var(--muted); display: inline-block; margin-right: 1rem; vertical-align: top; }
        details[open] { display: block; }
        summary { cursor: pointer; }
        .fields { display: flex; flex-wrap: wrap; gap: .5rem 1rem; margin: .5rem 0; }
        .fields label { display: flex; flex-direction: column; gap: .15rem; }
        .fields input { font: inherit; padding: .3rem .5rem; border: 1px solid var(--line); border-radius: 6px; background: var(--paper); color: var(--ink); }
        .help table { border-collapse: collapse; margin: .4rem 0; }
        .help td { padding: .2rem .8rem .2rem 0; vertical-align: top; }
        code { font: .9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--paper); padding: 0 .25em; border-radius: 4px; }
        main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
        .count { margin: .2rem 0 .6rem; color: var(--muted); }
        .notice { margin: .3rem 0; padding: .45rem .7rem; background: var(--wash); border-left: 3px solid #e69f00; border-radius: 4px; }
        figure.trend { margin: 1rem 0; border: 1px solid var(--line); border-radius: 8px; overflow: hidden; background: #fff; }
        figure.trend svg { display: block; width: 100%; height: auto; }
        /* The chart in two layouts (SearchPage.wideChart, .narrowChart), each drawn at its column's
           width, so that its 12 px text stays near 12 px: the wide one (700) from 760 px, a 704 px
           column; the narrow one (320) below, at most 420 px wide: 11 px at 320, 13.6 at 390,
           at most 15.75. */
        figure.trend .narrow { display: none; }
        @media (max-width: 759px) {
          figure.trend .wide { display: none; }
          figure.trend .narrow { display: block; max-width: 420px; margin: 0 auto; }
        }
        ol.results { list-style: none; padding: 0; margin: 0; }
        .result { padding: .9rem 0; border-bottom: 1px solid var(--line); }
        .result h2 { font: 600 1.15rem/1.3 Georgia, "Times New Roman", serif; margin: 0 0 .15rem; }
        .meta { color: var(--muted); font-size: .88rem; margin: 0 0 .35rem; }
        .snippet { margin: .25rem 0; font-family: Georgia, "Times New Roman", serif; }
        .divider { margin: 1.2rem 0 0; padding-top: .4rem; color: var(--muted); font-size: .85rem; text-transform: uppercase; letter-spacing: .05em; border-top: 2px solid var(--line); }
        .pager { display: flex; justify-content: space-between; align-items: center; padding: 1rem 0; color: var(--muted); }
        article.op-ed { font-family: Georgia, "Times New Roman", serif; font-size: 1.08rem; }
        article.op-ed h1 { font-size: 2rem; line-height: 1.2; margin: .5rem 0 .4rem; }
        article.op-ed .meta, .back, .jump, .file { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        .back, .jump { font-size: .9rem; margin: .3rem 0; }
        .standfirst { font-size: 1.2rem; color: var(--muted); }
        figcaption { font-size: .9rem; color: var(--muted); border-left: 3px solid var(--line); padding-left: .7rem; }
        .bio { font-style: italic; color: var(--muted); border-top: 1px solid var(--line); padding-top: .8rem; }
        .file { font-size: .8rem; color: var(--muted); }
        .op-ed .best, .op-ed :target { background: var(--best); box-shadow: 0 0 0 .5rem var(--best); border-radius: 2px; }
        .home h1 { font: 700 1.6rem/1.25 Georgia, "Times New Roman", serif; margin: 1rem 0 .4rem; }
        .home ul { padding-left: 1.2rem; }
        .error h1 { font-size: 1.3rem; }
        footer.bottom { max-width: 46rem; margin: 1rem auto 2rem; padding: 0 1rem; color: var(--muted); font-size: .8rem; }
        @media (max-width: 600px) {
          body { font-size: 15px; }
          main, header.top > * { padding-left: .8rem; padding-right: .8rem; }
          article.op-ed h1 { font-size: 1.55rem; }
          .help td { display: block; padding: 0; }
          .help tr { display: block; margin-bottom: .4rem; }
        }

        """
}
