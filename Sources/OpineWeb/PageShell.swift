/// The frame of every page: head, the search form (with its filters and the syntax help), the
/// main part, and a footer with the index's size. No script, no resource from elsewhere.
struct PageShell {
    var title: String
    var form: SearchForm
    /// One line about the index ("21,578 op-eds, 1987-02-26 to 1987-10-20").
    var footer: String

    func page(_ main: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.text(title))</title>
        <link rel="stylesheet" href="/assets/opine.css">
        </head>
        <body>
        <header class="top">
        <a class="brand" href="/">Opine</a>
        \(searchForm())
        </header>
        <main>
        \(main)
        </main>
        <footer class="bottom">\(footer)</footer>
        </body>
        </html>

        """
    }

    func searchForm() -> String {
        let authors = form.authors.isEmpty ? [""] : form.authors
        let outlets = form.outlets.isEmpty ? [""] : form.outlets
        return """
            <form class="search" action="/search" method="get" role="search">
            <div class="box">
            <input type="search" name="q" value="\(HTML.text(form.query))" maxlength="\(SearchForm.maximumQueryLength)" placeholder="CPEC, &quot;interest rates&quot;, tariff*, author:Husain" aria-label="Search the op-eds"\(form.isEmpty ? " autofocus" : "")>
            <button type="submit">Search</button>
            </div>
            <details class="filters"\(form.hasFilters ? " open" : "")>
            <summary>Filters</summary>
            <div class="fields">
            \(authors.map { "<label>Author <input name=\"author\" value=\"\(HTML.text($0))\"></label>" }.joined(separator: "\n"))
            \(outlets.map { "<label>Outlet <input name=\"outlet\" value=\"\(HTML.text($0))\"></label>" }.joined(separator: "\n"))
            <label>From <input type="date" name="since" value="\(HTML.text(form.since))"></label>
            <label>To <input type="date" name="until" value="\(HTML.text(form.until))"></label>
            </div>
            </details>
            <details class="help">
            <summary>Query syntax</summary>
            \(PageShell.syntaxHelp)
            </details>
            </form>
            """
    }

    static let syntaxHelp = """
        <table>
        <tr><td><code>cpec bonhomie</code></td><td>every word; articles with only some of them follow, after a line</td></tr>
        <tr><td><code>"exact phrase"</code></td><td>the words side by side, in order</td></tr>
        <tr><td><code>Rubio OR Dar</code></td><td>either word</td></tr>
        <tr><td><code>-India</code>, <code>NOT India</code></td><td>leave out articles with the word</td></tr>
        <tr><td><code>NEAR(trade tariffs, 5)</code></td><td>within 5 words of each other</td></tr>
        <tr><td><code>terror*</code></td><td>words starting with “terror”</td></tr>
        <tr><td><code>title:bonhomie</code>, <code>author:Husain</code></td><td>in the title; by that author</td></tr>
        </table>
        <p>Case matters only for acronyms: <code>US</code> is the country, <code>us</code> finds both. A question of more than four words ranks by its content words.</p>
        """
}
