import ArgumentParser
import Foundation
import Testing
@testable import OpineCLI
import OpineText

/// The CLI's argument handling, in process.
struct SearchArgumentsTests {
    @Test func declarationsComeFromTheCommand() {
        let d = SearchArguments.declared
        for name in ["--limit", "-n", "--since", "--until", "--author", "--snippets", "--color", "--index", "--corpus"] {
            #expect(d.valued.contains(name), "\(name)")
        }
        for name in ["--json", "-l", "--files-with-matches", "-c", "--count", "--explain", "-h", "--help"] {
            #expect(d.flags.contains(name), "\(name)")
        }
        #expect(!d.valued.contains("-India") && !d.flags.contains("-India"))
    }

    @Test(arguments: [
        (["search", "-n1", "tariffs"], ["search", "-n", "1", "--", "tariffs"]),
        (["search", "--limit=1", "tariffs"], ["search", "--limit=1", "--", "tariffs"]),
        (["search", "-n", "1", "tariffs"], ["search", "-n", "1", "--", "tariffs"]),
        (["search", "CPEC", "-India"], ["search", "--", "CPEC", "-India"]),
        (["search", "-nuclear", "CPEC"], ["search", "--", "-nuclear", "CPEC"]),
        (["search", "-c", "x", "--json"], ["search", "-c", "--json", "--", "x"]),
        (["search", "a", "--", "-n", "b"], ["search", "--", "a", "-n", "b"]),
        (["search", "--bogus", "x"], ["search", "--bogus", "--", "x"]),
        (["index", "-q", "dir"], ["index", "-q", "dir"]),
    ])
    func split(_ args: [String], _ expected: [String]) {
        #expect(SearchArguments.split(args) == expected)
    }

    @Test func theSplitArgumentsParseAsTheUserMeantThem() throws {
        for args in [["search", "-n1", "tariffs"], ["search", "--limit=1", "tariffs"], ["search", "tariffs", "-n", "1"]] {
            let command = try OpineCommand.parseAsRoot(SearchArguments.split(args))
            let search = try #require(command as? SearchCommand)
            #expect(search.limit == 1)
            #expect(search.words == ["tariffs"])
        }
        let excluded = try #require(try OpineCommand.parseAsRoot(SearchArguments.split(["search", "CPEC", "-India"])) as? SearchCommand)
        #expect(excluded.words == ["CPEC", "-India"])
        #expect(excluded.limit == 10)
    }
}

/// Exit codes and messages of `OpineMain`, in process.
struct OpineMainTests {
    @Test func opineErrorsAreOneLineAndExitTwo() {
        let outcome = OpineMain.outcome { throw IndexErrorStandIn() }
        #expect(outcome.code == 2)
        #expect(outcome.message == "opine: the stand-in went wrong")
    }

    @Test func foundationErrorsAreOneLineAndExitTwo() {
        let outcome = OpineMain.outcome { _ = try String(contentsOfFile: "/nonexistent/queries.tsv", encoding: .utf8) }
        #expect(outcome.code == 2)
        #expect(outcome.message?.hasPrefix("opine: unexpected error: ") == true)
        #expect(outcome.message?.contains("\n") == false)
    }

    @Test func exitCodesPassThrough() {
        #expect(OpineMain.outcome { throw ExitCode(1) }.code == 1)
        #expect(OpineMain.outcome { throw ExitCode(1) }.message == nil)
        #expect(OpineMain.outcome {}.code == 0)
    }

    struct IndexErrorStandIn: OpineError {
        var description: String { "the stand-in went wrong" }
    }
}

/// The written-out table of `search`'s options is what ArgumentParser declares: a new option
/// fails here until the table names it.
struct SearchArgumentsTableTests {
    @Test func theTableIsWhatTheCommandDeclares() {
        let fromCommand = SearchArguments.declarations(SearchCommand._dumpHelp())
        #expect(SearchArguments.declared == fromCommand,
                "valued: \(fromCommand.valued.sorted()) flags: \(fromCommand.flags.sorted())")
    }
}

/// `opine serve` builds the server only from a package's own build folder.
struct ServeCommandTests {
    @Test(arguments: [
        ("/p/.build/x86_64-unknown-linux-gnu/debug", "debug"), ("/p/.build/release", "release"),
        ("/usr/local/bin", nil), ("/home/me/debug", nil),
    ] as [(String, String?)])
    func buildConfiguration(_ folder: String, _ expected: String?) {
        #expect(ServeCommand.buildConfiguration(of: folder) == expected)
    }
}
