//! Command-line definitions (clap). Only this file and `main.rs` touch clap.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// kg turns live news coverage into a knowledge graph of actors and their positions.
///
/// Ingest live blogs, articles or JSON Lines; kg finds the actors (Zelensky, the EU,
/// "Moscow" meaning Russia's government), the positions (NATO membership for Ukraine,
/// a 30-day ceasefire) and the claims linking them (proposes, supports, rejects,
/// demands, meets, criticizes, sends), with the entry, time, quote and source of each.
/// Everything lives in an Oxigraph RDF store you can query with SPARQL.
///
/// Start with:  kg ingest data/live-2025-11-25-ukraine-peace-plan.txt
///        then: kg query queries/claims.rq
#[derive(Debug, Parser)]
#[command(name = "kg", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    /// Store directory, or the SPARQL endpoint of a remote store (http:// or https://)
    /// [default: $XDG_DATA_HOME/kg/store, else ~/.local/share/kg/store]
    #[arg(long, global = true, env = "KG_STORE", value_name = "DIR|URL")]
    pub store: Option<PathBuf>,

    /// A remote store's SPARQL Update endpoint, when it is not the --store URL
    #[arg(long, global = true, env = "KG_UPDATE_URL", value_name = "URL")]
    pub update_url: Option<String>,

    /// A remote store's Graph Store Protocol endpoint: ingest then POSTs N-Triples
    /// there, graph by graph, instead of sending SPARQL Update
    #[arg(long, global = true, env = "KG_GRAPH_STORE_URL", value_name = "URL")]
    pub graph_store_url: Option<String>,

    /// The named graph holding a remote store's data, or 'default' for the endpoint's
    /// default graph (Oxigraph serving a store directory kg wrote)
    /// [default: https://w3id.org/kg-news/id/graph/data]
    #[arg(long, global = true, env = "KG_DATA_GRAPH", value_name = "IRI")]
    pub data_graph: Option<String>,

    /// Read the ontology (gazetteer, positions, cue lexicon) from DIR instead of the
    /// bundled copy; files missing there fall back to the bundled ones
    #[arg(long, global = true, env = "KG_ONTOLOGY", value_name = "DIR")]
    pub ontology: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read files into the store: entries, actors, positions and claims
    ///
    /// Each file is checked whole before anything is written: a bad file is reported
    /// with its line and leaves the store as it was. Ingesting a file again adds nothing.
    ///
    /// Example: kg ingest data/live-2025-11-25-ukraine-peace-plan.txt
    Ingest(IngestArgs),
    /// Follow live blogs and feeds: poll each URL, store its new and updated entries
    ///
    /// Every --every, each source is fetched (conditionally: an unchanged page costs one
    /// 304) and its page or feed ingested; one line per poll says what was new. Entries
    /// the page updated (same URL or anchor, new text) replace their earlier version's
    /// claims. A failing source is retried later (exponential backoff with jitter,
    /// capped at ten intervals), and kg goes on with the others; Ctrl-C stops between
    /// polls.
    ///
    /// Example: kg follow https://example.com/live/talks --every 2m
    ///
    /// Example: kg follow --sources sources.txt --once
    Follow(FollowArgs),
    /// Compact the store's files so that questions read as few of them as possible
    ///
    /// An ingest stores its data in sorted files that RocksDB merges in the background
    /// while the store is open for writing. A large ingest ends before that merging
    /// does; until it finishes, queries read more files and run slower. This command
    /// finishes it (seconds for a few MB of text, a minute or so for a GB store).
    ///
    /// Example: kg optimize
    Optimize,
    /// Count documents, entries, actors, positions and claims in the store
    Stats {
        /// Output format
        #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
        format: StatsFormat,
    },
    /// Run a SPARQL query (a file such as queries/claims.rq, or the query text)
    ///
    /// SELECT and ASK results print as a table, or as SPARQL 1.1 JSON, CSV, TSV or XML;
    /// CONSTRUCT and DESCRIBE results as Turtle or N-Triples. The store is opened
    /// read-only unless --update is given.
    ///
    /// Example: kg query queries/claims.rq --format csv
    Query(QueryArgs),
    /// Write the whole store as RDF, sorted so that two exports of one store are identical
    ///
    /// Turtle and N-Triples hold the data (default graph); N-Quads and TriG also hold
    /// the ontology graph.
    ///
    /// `--format dot` writes the claim graph for GraphViz instead: actors and positions
    /// shaped and coloured by type, claims as edges coloured and labelled by relation;
    /// `--focus` and `--depth` keep one neighbourhood, `--render` runs `dot`.
    ///
    /// Example: kg export --format nquads > kg.nq
    ///
    /// Example: kg export --format dot --focus Zelensky --depth 2 --render svg zelensky.svg
    Export(ExportArgs),
    /// Show the claims kg reads in a text, without storing anything
    ///
    /// Handy to see what kg makes of a sentence, or to check a new cue in
    /// ontology/cues.tsv.
    ///
    /// Example: kg extract --text "Kyiv rejected the 30-day ceasefire, Reuters reported."
    Extract(ExtractArgs),
    /// Show how kg reads the grammar of a text: each word's tag, lemma, head and relation
    ///
    /// Splits the text into sentences and words as ingest does, then tags, lemmatizes
    /// and parses each sentence with the bundled model (Universal Dependencies, trained
    /// on UD English-EWT). Prints CoNLL-U, one `# text` line per sentence and each
    /// word's byte span in the MISC column (`TokenRange=start:end`), which any CoNLL-U
    /// tool reads; or JSON. Use it to see why a claim was or was not read.
    ///
    /// Input: --text, or files ('-' for standard input); each line is a paragraph.
    ///
    /// Example: kg parse --text "Kyiv rejected the plan that Moscow proposed."
    ///
    /// Example: kg parse notes.txt --format json
    Parse(ParseArgs),
    /// Who rejects a position: one row per actor, with how many claims say so, since
    /// when, and the latest claim's evidence (time, source, quote)
    ///
    /// POSITION matches labels, aliases and surface forms, case-insensitively, also in
    /// part ("NATO membership" finds "NATO membership for Ukraine"). --claims lists
    /// every claim instead. who-supports, who-proposes and who-demands work the same.
    ///
    /// Example: kg who-rejects "NATO membership"
    ///
    /// Example: kg who-rejects "NATO membership" --claims --format csv
    WhoRejects(PositionArgs),
    /// Who supports a position (accepts, backs, endorses it): one row per actor, as who-rejects
    ///
    /// Example: kg who-supports "American peace plan" --format json
    WhoSupports(PositionArgs),
    /// Who proposes a position (puts forward the plan, proposal or point): one row per actor
    ///
    /// Example: kg who-proposes "peace plan"
    WhoProposes(PositionArgs),
    /// Who demands a position (insists on, calls for it): one row per actor
    ///
    /// Example: kg who-demands "lasting peace"
    WhoDemands(PositionArgs),
    /// Where an actor stands: its claims about positions, by position
    ///
    /// ACTOR matches names, aliases, metonyms and surface forms ("Moscow" finds Russia).
    ///
    /// Example: kg positions Russia
    Positions(ActorArgs),
    /// Who meets whom (held, planned or hoped for), optionally only one actor's meetings
    ///
    /// Example: kg meetings Zelensky
    Meetings(MeetingsArgs),
    /// Positions with actors on both sides: for (proposes, supports, demands) and against
    /// (rejects, criticizes)
    ///
    /// Example: kg contested --format csv
    Contested(FormatArgs),
    /// An actor's or a position's claims in time order, marking changes of stance and
    /// contradictions between sources
    ///
    /// A change: the same actor later takes the opposite side of the same position, or
    /// of another version of a plan ("rejects the initial plan", then "supports the
    /// amended deal"). A contradiction: two different sources give opposite stances of
    /// the same actor on it within 6 hours.
    ///
    /// Edited entries (a page that `kg follow` or `kg ingest URL` saw change an entry
    /// with the same URL or anchor) stay on the clock: each claim of the earlier text
    /// is a row marked "withdrawn: the entry was edited at T", and each claim of the new
    /// text is marked "edited at T: replaces an earlier version".
    ///
    /// Example: kg timeline Ukraine
    Timeline(TimelineArgs),
    /// The shortest chain of claims linking two actors or positions, hop by hop with
    /// the evidence (relation, time, source, quote)
    ///
    /// Claims are followed either way (undirected).
    ///
    /// Example: kg path Witkoff Zelensky
    Path(PathArgs),
    /// Coalitions: actors grouped by agreement and split by disagreement, with the
    /// positions that bind each group
    ///
    /// Actors agree when they take the same side of a position or support each other,
    /// and disagree when they take opposite sides or reject or criticize each other;
    /// the signed graph is partitioned by greedy signed modularity (Gómez, Jensen &
    /// Arenas 2009).
    ///
    /// Example: kg clusters --format json
    Clusters(FormatArgs),
    /// The most connected (degree) and brokering (betweenness) actors
    ///
    /// Example: kg central --limit 5
    Central(CentralArgs),
    /// Score the store's claims against a gold annotation (JSON Lines)
    ///
    /// Uses the matching rules of the reference scorer: precision over the store's
    /// distinct (subject, relation, object) claims, recall over required gold claims.
    ///
    /// Example: kg eval --gold tests/data/eval/seed.gold.jsonl --show
    Eval(EvalArgs),
    /// Serve the store over HTTP: a SPARQL 1.1 endpoint, the questions as JSON, a web page
    ///
    /// /sparql speaks the SPARQL 1.1 Protocol (GET, POST form or direct), with results
    /// chosen by the Accept header: SPARQL JSON, XML, CSV, TSV; Turtle, N-Triples or
    /// JSON-LD for CONSTRUCT and DESCRIBE. /api/who-rejects?position=…, positions?actor=…,
    /// meetings, contested, timeline?name=…, path?from=…&to=…, clusters, central give
    /// the rows of --format json. / is a page to search actors and positions and see
    /// their stances, timelines, graph and coalitions; it loads nothing from elsewhere.
    /// /kg-news/ns is the vocabulary's JSON-LD context.
    ///
    /// The store is opened read-only: reads never write. /update is off unless
    /// --allow-update is given, and then needs 'Authorization: Bearer TOKEN'.
    ///
    /// Example: kg serve --bind 127.0.0.1:7878
    ///
    /// Example: KG_TOKEN=$(cat token) kg serve --allow-update
    Serve(ServeArgs),
    /// Print a shell completion script for kg
    ///
    /// Example (bash): kg completions bash > ~/.local/share/bash-completion/completions/kg
    ///
    /// Example (zsh): kg completions zsh > ~/.zfunc/_kg   (with fpath+=~/.zfunc in .zshrc)
    ///
    /// Example (fish): kg completions fish > ~/.config/fish/completions/kg.fish
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print kg's manual page (roff), generated from the same definitions as --help
    ///
    /// Example: kg man > kg.1 && man ./kg.1
    Man,
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on; one other than loopback prints a warning (anyone who
    /// reaches it can read the store). Port 0 picks a free port
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "HOST:PORT")]
    pub bind: String,
    /// Accept SPARQL updates at /update from clients sending the token
    /// (--token-file, else the KG_TOKEN variable; at least 16 characters); the store
    /// is then opened for writing
    #[arg(long)]
    pub allow_update: bool,
    /// Read the update token from the first line of FILE
    #[arg(long, value_name = "FILE", requires = "allow_update")]
    pub token_file: Option<PathBuf>,
    /// Seconds a SPARQL query may run before it is cancelled (503)
    #[arg(long, default_value_t = 30.0, value_name = "SECONDS")]
    pub timeout: f64,
    /// Largest request body accepted (a POSTed query or update), in bytes (413)
    #[arg(long, default_value_t = 1_048_576, value_name = "BYTES")]
    pub max_request_bytes: usize,
    /// Largest SPARQL result sent, in bytes; a larger one is refused: add a LIMIT
    #[arg(long, default_value_t = 67_108_864, value_name = "BYTES")]
    pub max_result_bytes: usize,
    /// Queries and questions run at once (the page and cached answers are sent
    /// meanwhile; more connections wait in a short queue, then get 503)
    #[arg(long, default_value_t = 8, value_name = "N")]
    pub threads: usize,
}

/// Shells `kg completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Elvish,
    #[value(name = "powershell")]
    PowerShell,
}

#[derive(Debug, clap::Args)]
pub struct IngestArgs {
    /// Files to read; '-' reads standard input; http(s) URLs are fetched
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Input format [default: detected from the content]
    #[arg(long, value_parser = parse_format, value_name = "liveblog|article|jsonl|html|feed")]
    pub format: Option<kg::entry::Format>,
    /// Date for undated text: plain articles, live blogs without date headers (YYYY-MM-DD)
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub date: Option<chrono::NaiveDate>,
    /// Name of the outlet the files come from, recorded as their publisher
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// Entries handed to the store at a time (with --write-mode transaction: entries
    /// per transaction)
    #[arg(long, default_value_t = kg::ingest::DEFAULT_BATCH, value_name = "N")]
    pub batch: usize,
    /// How entries reach the store: 'bulk' (sorted table files, made visible in a few
    /// atomic commits: after some 1,400 entries, then at the end, and every ~400,000
    /// entries in between; fastest) or 'transaction' (one RocksDB transaction per batch)
    #[arg(long, value_enum, default_value_t = WriteMode::Bulk, value_name = "MODE")]
    pub write_mode: WriteMode,
    /// Skip the compaction that ends a large ingest (questions stay slower until
    /// `kg optimize` has merged the store's files; `kg stats` counts them)
    #[arg(long)]
    pub no_optimize: bool,
    /// Seconds a URL's request may take, body included
    #[arg(long, default_value_t = 30.0, value_name = "SECONDS")]
    pub timeout: f64,
    /// Print nothing but errors and warnings
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct FollowArgs {
    /// Pages or feeds to follow (http or https URLs)
    #[arg(value_name = "URL", required_unless_present = "sources")]
    pub urls: Vec<String>,
    /// Also follow the URLs of FILE: one a line, '#' starts a comment
    #[arg(long, value_name = "FILE")]
    pub sources: Option<PathBuf>,
    /// Time between polls of a source, e.g. 30s, 2m, 1h
    #[arg(long, default_value = "2m", value_name = "INTERVAL")]
    pub every: String,
    /// Poll every source once, then exit (1 if a source failed): for cron and tests
    #[arg(long)]
    pub once: bool,
    /// Seconds a request may take, body included
    #[arg(long, default_value_t = 30.0, value_name = "SECONDS")]
    pub timeout: f64,
    /// Input format [default: detected from the content and Content-Type]
    #[arg(long, value_parser = parse_format, value_name = "FORMAT")]
    pub format: Option<kg::entry::Format>,
    /// Name of the outlet, recorded as the publisher instead of the page's own
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct QueryArgs {
    /// A .rq file, '-' for standard input, or the query text itself
    #[arg(value_name = "QUERY_OR_FILE")]
    pub query: String,
    /// Output format [default: table; turtle for CONSTRUCT and DESCRIBE]
    #[arg(long, value_enum)]
    pub format: Option<QueryFormat>,
    /// Allow SPARQL Update (INSERT, DELETE, LOAD, CLEAR …), which changes the store
    #[arg(long)]
    pub update: bool,
    /// Print at most N rows
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Give up after SECONDS
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<f64>,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = ExportFormat::Turtle)]
    pub format: ExportFormat,
    /// Write to FILE instead of standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// With --format dot: keep only the actors and positions within --depth claims of
    /// this one (a label, alias or part of one), e.g. "Zelensky"
    #[arg(long, value_name = "LABEL")]
    pub focus: Option<String>,
    /// With --focus: how many claims away from the focus to go
    #[arg(long, default_value_t = 1, value_name = "N", requires = "focus")]
    pub depth: usize,
    /// With --format dot: render the graph to FILE as svg or png with GraphViz's `dot`,
    /// e.g. --render svg graph.svg
    #[arg(long, num_args = 2, value_names = ["svg|png", "FILE"])]
    pub render: Option<Vec<String>>,
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Files to read ('-' for standard input)
    #[arg(value_name = "FILE", required_unless_present = "text")]
    pub files: Vec<PathBuf>,
    /// Text to read instead of files (one plain entry)
    #[arg(long, conflicts_with = "files")]
    pub text: Option<String>,
    /// Input format of the files [default: detected from the content]
    #[arg(long, value_parser = parse_format, value_name = "liveblog|article|jsonl")]
    pub input_format: Option<kg::entry::Format>,
    /// Output format
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    pub format: StatsFormat,
    /// Also list every mention (actors, positions, sources, places) found
    #[arg(long)]
    pub mentions: bool,
}

#[derive(Debug, clap::Args)]
pub struct ParseArgs {
    /// Files to read ('-' for standard input); each line is a paragraph
    #[arg(value_name = "FILE", required_unless_present = "text")]
    pub files: Vec<PathBuf>,
    /// Text to parse instead of files
    #[arg(long, conflicts_with = "files")]
    pub text: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = ParseFormat::Conllu)]
    pub format: ParseFormat,
}

/// How `kg parse` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParseFormat {
    /// CoNLL-U, with `# text` per sentence and byte spans in MISC
    Conllu,
    /// One JSON object per sentence in an array: text, words (id, form, lemma, upos, head, deprel, start, end)
    Json,
}

#[derive(Debug, clap::Args)]
pub struct PositionArgs {
    /// The position: part of its label or of an alias, e.g. "NATO membership"
    #[arg(value_name = "POSITION")]
    pub position: String,
    /// List every claim with its evidence, oldest first, instead of one row per actor
    /// (how many claims, since when, and the latest claim's evidence)
    #[arg(long)]
    pub claims: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = AnswerFormat::Table)]
    pub format: AnswerFormat,
}

#[derive(Debug, clap::Args)]
pub struct ActorArgs {
    /// The actor: part of a name, alias or metonym, e.g. "Zelensky" or "Kremlin"
    #[arg(value_name = "ACTOR")]
    pub actor: String,
    /// Output format
    #[arg(long, value_enum, default_value_t = AnswerFormat::Table)]
    pub format: AnswerFormat,
}

#[derive(Debug, clap::Args)]
pub struct MeetingsArgs {
    /// Only the meetings of this actor (either side) [default: every meeting]
    #[arg(value_name = "ACTOR")]
    pub actor: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = AnswerFormat::Table)]
    pub format: AnswerFormat,
}

#[derive(Debug, clap::Args)]
pub struct FormatArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = AnswerFormat::Table)]
    pub format: AnswerFormat,
}

#[derive(Debug, clap::Args)]
pub struct TimelineArgs {
    /// An actor or a position, e.g. "Ukraine" or "American peace plan"
    #[arg(value_name = "ACTOR|POSITION")]
    pub name: String,
    /// Output format
    #[arg(long, value_enum, default_value_t = AnswerFormat::Table)]
    pub format: AnswerFormat,
}

#[derive(Debug, clap::Args)]
pub struct PathArgs {
    /// Where the chain starts: an actor or a position, e.g. "Witkoff"
    #[arg(value_name = "FROM")]
    pub from: String,
    /// Where the chain ends: an actor or a position, e.g. "Zelensky"
    #[arg(value_name = "TO")]
    pub to: String,
    /// Output format
    #[arg(long, value_enum, default_value_t = AnswerFormat::Table)]
    pub format: AnswerFormat,
}

#[derive(Debug, clap::Args)]
pub struct CentralArgs {
    /// Show the N most central actors
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub limit: usize,
    /// Output format
    #[arg(long, value_enum, default_value_t = AnswerFormat::Table)]
    pub format: AnswerFormat,
}

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Gold claims, one JSON object a line (see tests/data/eval/GOLD_FORMAT.md)
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,
    /// Also list the missed gold claims and the false positives
    #[arg(long)]
    pub show: bool,
    /// Print the scores as JSON
    #[arg(long)]
    pub json: bool,
}

/// Output formats of the questions and graph views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AnswerFormat {
    /// An aligned table
    Table,
    /// A JSON array of objects, one per row
    Json,
    /// CSV with a header line
    Csv,
}

/// Image formats of `kg export --render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    Svg,
    Png,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WriteMode {
    Bulk,
    Transaction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    Table,
    Json,
    Csv,
    Tsv,
    Xml,
    Turtle,
    Ntriples,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Turtle,
    Ntriples,
    Nquads,
    Trig,
    /// GraphViz DOT: actors and positions as nodes, claims as edges
    Dot,
}

fn parse_format(s: &str) -> Result<kg::entry::Format, String> {
    s.parse()
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    kg::entry::parse_date(s).ok_or_else(|| format!("invalid date '{s}' (expected YYYY-MM-DD)"))
}
