//! A page's text → its HTML5 tree (scraper's [`Html`]), built by html5ever as browsers
//! build it, except that nesting is capped at [`MAX_DEPTH`].
//!
//! html5ever follows the HTML standard, whose tree builder looks for elements "in scope"
//! by walking the stack of open elements: every `<div>` start tag asks whether a `<p>`
//! is open, so a page nested n deep costs n² steps (100,000 nested `<div>`s, 1 MB, took
//! 49 s). Browsers cap the depth (Blink at 512); so does this module: a start tag that
//! would open an element deeper than [`MAX_DEPTH`] is dropped, and so is its end tag.
//! What such elements held (text, void elements, scripts) joins the deepest element
//! kept, so no text is lost, and every walk over the tree is bounded by the cap.
//! Pages nested less deeply (all real pages: a few dozen levels) are parsed exactly as
//! by [`Html::parse_document`].
//!
//! The depth is read from the tree itself: a wrapper around scraper's sink
//! ([`CappedSink`]) notes the depth of each element the builder appends and of each it
//! pops, which is the height of the stack of open elements (up to foster parenting, a
//! step or two). It does no I/O.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use html5ever::tree_builder::{
    create_element, Attribute, ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink,
};
use html5ever::{local_name, ns, LocalName, QualName, TokenizerResult};
use scraper::{Html, HtmlTreeSink};

/// The deepest an element is placed (the document is 0, `<html>` 1, `<body>` 2), as in
/// Blink.
pub const MAX_DEPTH: usize = 512;

type Handle = <HtmlTreeSink as TreeSink>::Handle;

/// Parses a whole page (as [`Html::parse_document`] does).
pub fn parse_document(text: &str) -> Html {
    let builder = TreeBuilder::new(CappedSink::new(Html::new_document()), TreeBuilderOpts::default());
    run(Tokenizer::new(DepthCap::new(builder), TokenizerOpts::default()), text)
}

/// Parses a fragment, as the content of a `<body>` (as [`Html::parse_fragment`] does).
pub fn parse_fragment(text: &str) -> Html {
    let sink = CappedSink::new(Html::new_fragment());
    let context = create_element(&sink, QualName::new(None, ns!(html), local_name!("body")), Vec::new());
    let builder = TreeBuilder::new_for_fragment(sink, context, None, TreeBuilderOpts::default());
    let opts =
        TokenizerOpts { initial_state: Some(builder.tokenizer_state_for_context_elem(false)), ..Default::default() };
    run(Tokenizer::new(DepthCap::new(builder), opts), text)
}

fn run(tokenizer: Tokenizer<DepthCap>, text: &str) -> Html {
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(text));
    // The builder stops the tokenizer at each `</script>` (for a browser to run it).
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    tokenizer.sink.builder.sink.inner.finish()
}

/// Elements that are never dropped: void elements (they open nothing) and those whose
/// content the tokenizer reads as raw text once the builder has seen their start tag
/// (dropping `<script>` would read its code as markup).
fn kept_at_any_depth(name: &LocalName) -> bool {
    matches!(
        &**name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "script"
            | "style"
            | "title"
            | "textarea"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "plaintext"
    )
}

/// Stands between the tokenizer and the tree builder: drops the start tags that would
/// nest deeper than [`MAX_DEPTH`] and, by count, the end tags that close them.
struct DepthCap {
    builder: TreeBuilder<Handle, CappedSink>,
    dropped: RefCell<HashMap<LocalName, usize>>,
}

impl DepthCap {
    fn new(builder: TreeBuilder<Handle, CappedSink>) -> DepthCap {
        DepthCap { builder, dropped: RefCell::new(HashMap::new()) }
    }
}

impl TokenSink for DepthCap {
    type Handle = Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<Handle> {
        if let Token::TagToken(tag) = &token {
            match tag.kind {
                TagKind::StartTag if self.builder.sink.depth.get() >= MAX_DEPTH && !kept_at_any_depth(&tag.name) => {
                    if !tag.self_closing {
                        *self.dropped.borrow_mut().entry(tag.name.clone()).or_default() += 1;
                    }
                    return TokenSinkResult::Continue;
                }
                TagKind::EndTag => {
                    if let Some(n) = self.dropped.borrow_mut().get_mut(&tag.name).filter(|n| **n > 0) {
                        *n -= 1;
                        return TokenSinkResult::Continue;
                    }
                }
                TagKind::StartTag => {}
            }
        }
        self.builder.process_token(token, line_number)
    }

    fn end(&self) {
        self.builder.end()
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder.adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// scraper's sink, noting how deep the builder is: the depth of the element it last
/// appended, or of the parent of the one it last popped.
struct CappedSink {
    inner: HtmlTreeSink,
    depth: Cell<usize>,
}

impl CappedSink {
    fn new(html: Html) -> CappedSink {
        CappedSink { inner: HtmlTreeSink::new(html), depth: Cell::new(0) }
    }

    /// How many ancestors `node` has (at most about [`MAX_DEPTH`]: the cap bounds it).
    fn depth_of(&self, node: &Handle) -> usize {
        self.inner.0.borrow().tree.get(*node).map_or(0, |n| n.ancestors().count())
    }
}

impl TreeSink for CappedSink {
    type Handle = Handle;
    type Output = Html;
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Html {
        self.inner.finish()
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg)
    }

    fn get_document(&self) -> Handle {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        self.inner.create_element(name, attrs, flags)
    }

    fn create_comment(&self, text: StrTendril) -> Handle {
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> Handle {
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        let node = matches!(child, NodeOrText::AppendNode(_));
        self.inner.append(parent, child);
        if node {
            self.depth.set(self.depth_of(parent) + 1);
        }
    }

    fn append_based_on_parent_node(&self, element: &Handle, prev_element: &Handle, child: NodeOrText<Handle>) {
        self.inner.append_based_on_parent_node(element, prev_element, child)
    }

    fn append_doctype_to_document(&self, name: StrTendril, public_id: StrTendril, system_id: StrTendril) {
        self.inner.append_doctype_to_document(name, public_id, system_id)
    }

    fn mark_script_already_started(&self, node: &Handle) {
        self.inner.mark_script_already_started(node)
    }

    fn pop(&self, node: &Handle) {
        self.inner.pop(node);
        self.depth.set(self.depth_of(node).saturating_sub(1));
    }

    fn get_template_contents(&self, target: &Handle) -> Handle {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        self.inner.same_node(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }

    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        self.inner.append_before_sibling(sibling, new_node)
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs)
    }

    fn associate_with_form(&self, target: &Handle, form: &Handle, nodes: (&Handle, Option<&Handle>)) {
        self.inner.associate_with_form(target, form, nodes)
    }

    fn remove_from_parent(&self, target: &Handle) {
        self.inner.remove_from_parent(target)
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        self.inner.reparent_children(node, new_parent)
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &Handle) -> bool {
        self.inner.is_mathml_annotation_xml_integration_point(handle)
    }

    fn set_current_line(&self, line_number: u64) {
        self.inner.set_current_line(line_number)
    }

    fn allow_declarative_shadow_roots(&self, intended_parent: &Handle) -> bool {
        self.inner.allow_declarative_shadow_roots(intended_parent)
    }

    fn attach_declarative_shadow(&self, location: &Handle, template: &Handle, attrs: &[Attribute]) -> bool {
        self.inner.attach_declarative_shadow(location, template, attrs)
    }

    fn maybe_clone_an_option_into_selectedcontent(&self, option: &Handle) {
        self.inner.maybe_clone_an_option_into_selectedcontent(option)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(html: &Html) -> usize {
        html.tree.nodes().map(|n| n.ancestors().count()).max().unwrap_or(0)
    }

    #[test]
    fn ordinary_pages_parse_as_scraper_parses_them() {
        let pages = [
            "<!doctype html><html><head><title>T &amp; U</title></head><body><p>a<p>b<ul><li>x<li>y</ul>\
             <table><td>cell</table><b><i>bold</b>italic</i><script>if (a < b) {}</script></body></html>",
            "<div><span>unclosed<div>more</span></div><!-- c --><svg><circle/></svg>",
        ];
        for page in pages {
            assert_eq!(parse_document(page).html(), Html::parse_document(page).html(), "{page}");
            assert_eq!(parse_fragment(page).html(), Html::parse_fragment(page).html(), "{page}");
        }
    }

    #[test]
    fn nesting_is_capped_and_the_deep_text_kept() {
        let n = 5_000;
        let page = format!(
            "<body>{}<p>deep <b>text</b><br>here</p><script>x<y</script>{}<p>after</p>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        for html in [parse_document(&page), parse_fragment(&page)] {
            assert!(depth(&html) <= MAX_DEPTH + 2, "{}", depth(&html));
            let text: String = html.root_element().text().collect();
            assert!(text.contains("deep texthere") && text.ends_with("after"), "{text}");
            // The script stayed a script: its code is no markup.
            assert!(html.html().contains("<script>x<y</script>"), "{}", html.html());
        }
    }
}
