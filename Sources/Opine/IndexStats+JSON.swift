import OpineRender

extension IndexStats {
    /// One JSON object (`opine stats --json`, the server's `/api/stats`), the paths as shown.
    public func json(index: String) -> String {
        var o = JSONObject()
        o.add("articles", articles)
        o.add("passages", passages)
        o.add("authors", authors)
        o.add("terms", terms)
        o.add("first_date", firstDate?.description)
        o.add("last_date", lastDate?.description)
        o.add("index_bytes", bytes)
        o.add("index", index)
        o.add("roots", strings: roots)
        o.add("outlets", raw: "{" + outlets.map { JSONObject.string($0.name) + ":" + String($0.articles) }.joined(separator: ",") + "}")
        return o.text
    }
}
