//! Positions named by phrases: plans and their owners ("Trump's amended peace deal"),
//! quantities ("an army cap of 600,000", "a 30-day ceasefire"), noun phrases a cue
//! governs ("refused to discuss media leaks") and the subjects of copulas ("… is a red
//! line for Moscow").

use super::*;

impl ClaimExtractor {
    /// Marks quantities ("30-day ceasefire", "army cap of 600,000") as positions.
    pub(super) fn quantities(&self, ctx: &mut Ctx, family: &mut Option<String>) {
        // A duration or amount right before a known position qualifies it.
        for m in ctx.ms.iter_mut().filter(|m| m.role == Role::Position) {
            if m.first == 0 || m.first <= ctx.start {
                continue;
            }
            let prev = ctx.tokens[m.first - 1].text(ctx.text);
            let is_duration =
                prev.split('-').next().is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty())
                    && prev.contains('-');
            if is_duration {
                let label = format!("{} {}", prev.to_lowercase(), m.entity.label);
                m.entity = Entity::from_label(EntityKind::Position, &label);
                m.first -= 1;
                m.span.start = ctx.tokens[m.first].start;
            }
        }
        // Army size caps: a number with army words and cap words within a clause.
        let (s, e) = (ctx.start, ctx.end);
        let mut i = s;
        while i < e {
            let Some((num_first, num_last, amount)) = number_at(ctx, i) else {
                i += 1;
                continue;
            };
            let lo = clause_start(ctx, num_first).max(num_first.saturating_sub(12));
            let hi = clause_end(ctx, num_last).min(num_last + 6);
            let window: Vec<&str> = (lo..hi).map(|k| ctx.w(k)).collect();
            let army = window.iter().any(|w| {
                matches!(
                    *w,
                    "army" | "troops" | "personnel" | "soldiers" | "servicemen" | "military" | "forces" | "armed"
                )
            });
            let cap = window.iter().any(|w| {
                matches!(
                    *w,
                    "cap"
                        | "capped"
                        | "caps"
                        | "limit"
                        | "limits"
                        | "limited"
                        | "ceiling"
                        | "size"
                        | "strength"
                        | "number"
                        | "reduce"
                        | "reduction"
                        | "maximum"
                )
            });
            let fam = if army && cap {
                Some("army cap".to_string())
            } else if cap && window.iter().any(|w| matches!(*w, "number" | "figure" | "that")) {
                family.clone()
            } else {
                None
            };
            if let Some(f) = fam {
                *family = Some(f.clone());
                let label = format!("{f} of {amount}");
                let first = num_first;
                ctx.ms.retain(|m| !(m.role == Role::Position && m.first >= lo && m.last < hi));
                ctx.ms.push(Mention::at(
                    Entity::from_label(EntityKind::Position, &label),
                    Role::Position,
                    Span::new(ctx.tokens[first].start, ctx.tokens[num_last].end),
                    first,
                    num_last,
                ));
                ctx.ms.sort_by_key(|m| (m.first, m.last));
            }
            i = num_last + 1;
        }
    }

    /// Finds plan phrases ("Trump's peace plan", "the US-drafted proposal", "the European
    /// counter-plan") and adds them as position mentions, remembering each document's plans.
    pub(super) fn plans_in(&mut self, ctx: &mut Ctx, doc: DocumentId) {
        let mut new = Vec::new();
        let mut i = ctx.start;
        while i < ctx.end {
            let w = ctx.w(i).to_string();
            let tail = w.rsplit('-').next().unwrap_or(&w).to_string();
            let next_lower = ctx.tokens.get(i + 1).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && i + 1 < ctx.end
                    && t.text(ctx.text).chars().all(|c| c.is_lowercase() || c == '-')
            });
            let is_plan = self.is_plan_noun(&w)
                || (w.contains('-') && self.is_plan_noun(&tail) && !w.starts_with("counter") && !next_lower);
            // (Nor a word of a name: "the Government of National Accord".)
            let inside = ctx.ms.iter().any(|m| {
                m.first <= i && i <= m.last && (m.role == Role::Position || m.entity.kind.is_actor() && m.first < i)
            });
            // The last plan noun of a compound ("draft peace plan") is the head.
            let next_is_plan =
                self.is_plan_noun(ctx.w(i + 1)) || ctx.w(i + 1) == "peace" && self.is_plan_noun(ctx.w(i + 2));
            // "ceasefire proposal", "minerals deal": a plan about a known position is that position.
            let about_position = i > ctx.start && ctx.ms.iter().any(|m| m.last + 1 == i && m.role == Role::Position);
            if !is_plan || inside || next_is_plan || about_position || (ctx.w(i + 1) == "with" && w == "deal") {
                i += 1;
                continue;
            }
            // "US-drafted" compounds name an owner but not the head: only a hyphen
            // compound whose last part is a plan noun ("US-draft") counts when it is the head.
            let counter = w.starts_with("counter");
            // Walk left over modifiers to find the owner.
            let mut k = i;
            let mut owner: Option<(Entity, String)> = None;
            let mut topic: Option<String> = None;
            let mut j = i;
            let mut steps = 0;
            let mut loose_modifier = false;
            let mut topic_noun: Option<String> = None;
            while j > ctx.start && steps < 6 {
                j -= 1;
                steps += 1;
                let wj = ctx.w(j).to_string();
                if let Some(m) = ctx.ms.iter().find(|m| m.first <= j && j <= m.last) {
                    // A bare name owns the plan only next to it ("the US plan"); past
                    // other modifiers it may be a subject ("Azerbaijan initial(ed) the deal").
                    let possessive = matches!(ctx.w(m.last + 1), "'s" | "’s") || m.possessive;
                    let compound = m.span.end < ctx.tokens[m.last].end;
                    let owns = possessive || compound || m.role == Role::Demonym || !loose_modifier;
                    if m.entity.kind.is_actor() && !matches!(m.role, Role::Pronoun | Role::Speaker) && owns {
                        if owner.is_none() {
                            owner = Some((m.entity.clone(), ctx.text[m.span.start..m.span.end].to_string()));
                        }
                        k = m.first;
                        j = m.first;
                        if m.first > 0 && ctx.w(m.first - 1) == "the" {
                            k = m.first - 1;
                        }
                        // Stop after a possessor: what is before it is not ours.
                        if ctx.w(m.last + 1) == "'s" || ctx.w(m.last + 1) == "’s" || m.possessive {
                            break;
                        }
                        continue;
                    }
                    if m.entity.kind == EntityKind::Place {
                        topic = Some(m.entity.label.clone());
                        k = m.first;
                        j = m.first;
                        continue;
                    }
                    break;
                }
                if wj == "'s" || wj == "’s" || ctx.tokens[j].kind == TokenKind::Quote {
                    continue;
                }
                if is_in(&DETERMINERS, &wj) {
                    k = j;
                    break;
                }
                if wj.contains('-')
                    || matches!(
                        wj.as_str(),
                        "peace"
                            | "draft"
                            | "amended"
                            | "initial"
                            | "updated"
                            | "new"
                            | "revised"
                            | "original"
                            | "latest"
                            | "final"
                            | "joint"
                            | "so-called"
                            | "full"
                            | "proposed"
                            | "controversial"
                            | "potential"
                            | "current"
                            | "framework"
                            | "american"
                            | "28-point"
                            | "20-point"
                    )
                    || is_plan_modifier(&wj)
                {
                    loose_modifier |= !matches!(wj.as_str(), "peace" | "draft" | "framework") && !is_plan_modifier(&wj);
                    k = j;
                    continue;
                }
                // "a US peace plan draft": an earlier plan noun is part of the name.
                if self.is_plan_noun(&wj) {
                    k = j;
                    continue;
                }
                // "the corridor plan", "a security pact": a noun naming what it is about.
                if owner.is_none()
                    && topic_noun.is_none()
                    && j + 1 == i
                    && ctx.tokens[j].kind == TokenKind::Word
                    && wj.chars().all(|c| c.is_lowercase())
                    && !is_in(&PREPOSITIONS, &wj)
                    && !is_in(&AUXILIARIES, &wj)
                    && !is_in(CONJUNCTIONS, &wj)
                    && !is_in(&DETERMINERS, &wj)
                {
                    topic_noun = Some(wj.clone());
                    k = j;
                    continue;
                }

                break;
            }
            // Without an owner, "the corridor plan" is an ordinary noun phrase.
            if owner.is_none() && topic_noun.is_some() {
                i += 1;
                continue;
            }
            let topic = topic_noun.or(topic);
            // "the counter-plan brought forward by X": X owns it.
            if owner.is_none() {
                let mut r = i + 1;
                while r < ctx.end && ctx.tokens[r].kind == TokenKind::Quote {
                    r += 1;
                }
                let proposed =
                    self.best_cue_at(ctx, r).filter(|c| c.relation == Relation::Proposes && c.frame == Frame::Verb);
                if let Some(c) = proposed.filter(|c| ctx.w(c.last + 1) == "by") {
                    if let Some(m) = ctx.ms.iter().find(|m| {
                        m.first > c.last + 1
                            && m.first <= c.last + 5
                            && m.is_actor()
                            && !m.possessive
                            && (!m.modifier || m.role == Role::Group)
                    }) {
                        owner = Some((m.entity.clone(), String::new()));
                    }
                }
            }
            let owner_state = owner.as_ref().map(|(e, _)| self.state_of(e));
            // Plans, proposals, frameworks, deals are one kind ("plan"), so that the
            // many names of one plan merge; pacts, treaties, accords keep their noun.
            let kind = if counter {
                "counter-plan"
            } else if matches!(tail.as_str(), "pact" | "treaty" | "accord" | "agreement") {
                tail.as_str()
            } else {
                "plan"
            };
            // The label policy (ontology/README.md): the text's own head noun with its
            // owner ("Russian proposal", "Egyptian ceasefire deal"); "peace" only where
            // the text says so ("the US peace plan", "a plan to end the war"). A plan
            // the owner already has in this document keeps its name.
            // (An owner's plan in an entry that speaks of peace is that owner's peace
            // plan: "Washington's proposal" beside "Trump's peace plan" is one plan.)
            let peace_entry = owner.is_some() && ctx.says_peace;
            let said_peace = (k..i).any(|j| ctx.w(j) == "peace")
                || ctx.w(i + 1) == "to"
                    && matches!(ctx.w(i + 2), "end" | "stop" | "resolve" | "settle" | "halt" | "bring")
                || peace_entry;
            let head = if kind == "plan" && !said_peace { tail.as_str() } else { kind };
            let label = match &owner_state {
                Some(st) => {
                    let adjective = self.adjective(st);
                    let earlier = (!said_peace && topic.is_none())
                        .then(|| self.plans.get(&doc))
                        .flatten()
                        .and_then(|p| p.iter().rev().find(|e| e.label.starts_with(&format!("{adjective} "))));
                    match (earlier, &topic) {
                        (Some(e), _) => e.label.clone(),
                        (None, Some(topic)) => format!("{adjective} {topic} {head}"),
                        (None, None) if said_peace => format!("{adjective} peace {head}"),
                        (None, None) => format!("{adjective} {head}"),
                    }
                }
                None => String::new(),
            };
            // With no owner: "the 20-point plan", "a new proposal" as written; "the peace
            // plan" and "a corridor plan" as today.
            let as_written = || {
                let first = (k..i)
                    .find(|&j| {
                        !is_in(&DETERMINERS, ctx.w(j))
                            && matches!(ctx.tokens[j].kind, TokenKind::Word | TokenKind::Number)
                    })
                    .unwrap_or(i);
                ctx.text[ctx.tokens[first].start..ctx.tokens[i].end].to_string()
            };
            let kind_label = if counter {
                "counter-plan".to_string()
            } else if said_peace || topic.is_some() || k == i || k + 1 == i && is_in(&DETERMINERS, ctx.w(k)) {
                // (A lone "the plan" that names no earlier one stays "peace plan": an
                // open question of the label policy, see ontology/README.md.)
                format!("{} {kind}", topic.as_deref().unwrap_or("peace"))
            } else {
                as_written()
            };
            // "any plan to displace …", "a plan to …": an idea of its own, not a known plan.
            if owner.is_none() && ctx.w(i + 1) == "to" {
                i += 1;
                continue;
            }
            // "an Israeli proposal to create a buffer zone": the owner proposes the content,
            // a known position if one is named there, else the phrase itself.
            // "Maduro's offer of talks": the offer is its content.
            if ctx.w(i + 1) == "of" && !counter {
                let limit = clause_end(ctx, i).min(i + 7);
                let stop = (i + 2..limit)
                    .find(|&j| ctx.tokens[j].kind != TokenKind::Word || (j > i + 2 && np_stop(ctx.w(j))))
                    .unwrap_or(limit);
                let names_actor = ctx.ms.iter().any(|m| m.first > i + 1 && m.first < stop && m.entity.kind.is_actor());
                if stop > i + 2 && !names_actor {
                    let entity =
                        match ctx.ms.iter().find(|m| m.role == Role::Position && m.first > i + 1 && m.last < stop) {
                            Some(p) => p.entity.clone(),
                            None => Entity::from_label(
                                EntityKind::Position,
                                &ctx.text[ctx.tokens[i].start..ctx.tokens[stop - 1].end],
                            ),
                        };
                    ctx.ms.retain(|m| !(m.role == Role::Position && m.first > i && m.last < stop));
                    new.push((k, stop - 1, entity, owner.clone()));
                    i = stop;
                    continue;
                }
            }
            // ("a plan to end the war" is a peace plan: handled below.)
            let ends_war = matches!(ctx.w(i + 2), "end" | "stop" | "resolve" | "settle" | "halt" | "bring");
            if ctx.w(i + 1) == "to"
                && !ends_war
                && ctx
                    .tokens
                    .get(i + 2)
                    .is_some_and(|t| t.kind == TokenKind::Word && t.text(ctx.text).chars().all(|c| c.is_lowercase()))
            {
                let limit = clause_end(ctx, i).min(i + 9);
                let stop = (i + 2..limit)
                    .find(|&j| {
                        j > i + 2
                            && (np_stop(ctx.w(j)) && !matches!(ctx.w(j), "along" | "on" | "in" | "of" | "to")
                                || ctx.w(j) == ",")
                    })
                    .unwrap_or(limit);
                let entity = match ctx.ms.iter().find(|m| m.role == Role::Position && m.first > i + 1 && m.last < stop)
                {
                    Some(p) => p.entity.clone(),
                    None => Entity::from_label(
                        EntityKind::Position,
                        &ctx.text[ctx.tokens[i].start..ctx.tokens[stop - 1].end],
                    ),
                };
                let last = stop - 1;
                ctx.ms.retain(|m| !(m.role == Role::Position && m.first > i && m.last <= last));
                new.push((k, last, entity, owner.clone()));
                i = stop;
                continue;
            }
            let definite =
                k >= ctx.start && matches!(ctx.w(k), "the" | "this" | "that" | "its" | "their" | "his" | "her");
            let entity = if label.is_empty() {
                // No owner: "the plan" is the document's latest plan of this kind, else
                // ("Ankara insisted on two states. Nicosia rejected the proposal.") the
                // entry's latest known position.
                let plans = self.plans.get(&doc).filter(|_| definite);
                plans
                    .and_then(|p| {
                        p.iter()
                            .rev()
                            .find(|e| e.label.ends_with(kind))
                            .or_else(|| (!counter).then(|| p.last()).flatten())
                            .cloned()
                    })
                    .or_else(|| {
                        (definite && !counter).then(|| ctx.prev_topic.as_ref().map(|m| m.entity.clone())).flatten()
                    })
                    .or_else(|| {
                        (definite && !counter)
                            .then(|| {
                                ctx.all
                                    .iter()
                                    .filter(|m| m.role == Role::Position && m.last < ctx.start)
                                    .max_by_key(|m| m.last)
                            })
                            .flatten()
                            .map(|m| m.entity.clone())
                    })
                    // (A lone "an agreement" in an entry that speaks of no war or peace is
                    // no peace plan: it is left to the phrase rules, "agreement with Egypt
                    // on maritime boundaries".)
                    // (Nor is a lone "the plan" there: it is the plan as written.)
                    .or_else(|| {
                        if ctx.about_war_or_peace || kind_label != format!("peace {kind}") {
                            Some(Entity::from_label(EntityKind::Position, &kind_label))
                        } else {
                            definite.then(|| Entity::from_label(EntityKind::Position, &tail))
                        }
                    })
            } else {
                let label = label.replace("peace counter-plan", "counter-plan");
                let e = Entity::from_label(EntityKind::Position, &label);
                let list = self.plans.entry(doc).or_default();
                list.retain(|x| x != &e);
                list.push(e.clone());
                Some(e)
            };
            let Some(entity) = entity else {
                i += 1;
                continue;
            };
            new.push((k, i, entity, owner.map(|(e, surface)| (e, surface))));
            i += 1;
        }
        for (first, last, entity, owner) in new {
            let span = Span::new(ctx.tokens[first].start, ctx.tokens[last].end);
            ctx.ms.retain(|m| !(m.first >= first && m.last <= last && m.role == Role::Position));
            let mut m = Mention::at(entity, Role::Position, span, first, last);
            m.possessive = matches!(ctx.w(last + 1), "'s" | "’s");
            // The owner proposes the plan (noun_claims reads it).
            if let Some((o, _)) = owner {
                m.owner = Some(o.key.clone());
                if !ctx.ms.iter().any(|x| x.entity.key == o.key && x.first >= first && x.last <= last) {
                    // Owner from a hyphen compound is already a mention; nothing to add.
                }
            }
            ctx.ms.push(m);
        }
        ctx.ms.sort_by_key(|m| (m.first, m.last));
    }

    /// The state a person acts for (for plan labels): leader-of, else affiliation.
    pub(super) fn state_of(&self, e: &Entity) -> Entity {
        if e.kind != EntityKind::Person {
            return e.clone();
        }
        let Some(r) = self.gaz.get(&e.key) else { return e.clone() };
        r.leader_of
            .first()
            .or(r.affiliations.first())
            .and_then(|k| self.gaz.index_of(k))
            .map(|i| self.gaz.entity(i))
            .unwrap_or_else(|| e.clone())
    }

    /// The adjective for an owner: its demonym ("American", "European"), else its label.
    pub(super) fn adjective(&self, e: &Entity) -> String {
        self.gaz.get(&e.key).and_then(|r| r.demonyms.first().cloned()).unwrap_or_else(|| e.label.clone())
    }

    /// A new position from the noun phrase after a cue ("refused to discuss media leaks").
    pub(super) fn discover_np(&self, ctx: &Ctx, cue: &CueHit, relation: Relation) -> Option<(Mention, bool)> {
        if relation.links_actors() {
            return None;
        }
        let mut k = cue.last + 1;
        // "to discuss X", "agreed to hold X": skip the infinitive verb.
        let bare_verb = |k: usize| {
            ctx.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word && k < ctx.end)
                && !is_in(&DETERMINERS, ctx.w(k))
                && ctx.tokens[k].text(ctx.text).chars().next().is_some_and(char::is_lowercase)
                && !ctx.ms.iter().any(|m| m.first <= k && k <= m.last)
        };
        if relation == Relation::Demands {
            // "called on both sides to avoid escalation": the addressee, then what is asked.
            let addressee_end = ctx
                .ms
                .iter()
                .find(|m| m.first == k && m.is_actor())
                .map(|m| m.last + 1)
                // "allies", "both sides", "Western partners": a few words, then "to".
                .or_else(|| {
                    (k + 1..(k + 4).min(ctx.end)).find(|&a| {
                        ctx.w(a) == "to" && (k..a).all(|j| ctx.tokens[j].kind == TokenKind::Word && !np_stop(ctx.w(j)))
                    })
                });
            if let Some(a) = addressee_end.filter(|&a| ctx.w(a) == "to" && bare_verb(a + 1)) {
                let mut e = a + 1;
                while e + 1 < ctx.end
                    && e < a + 5
                    && ctx.tokens[e + 1].kind == TokenKind::Word
                    && !np_stop(ctx.w(e + 1))
                {
                    e += 1;
                }
                if let Some(p) = ctx.ms.iter().find(|m| m.role == Role::Position && m.first > a && m.last <= e) {
                    return Some((p.clone(), false));
                }
                let label = ctx.text[ctx.tokens[a + 1].start..ctx.tokens[e].end].to_string();
                return Some((self.np_mention(a + 1, e, &label, ctx), false));
            }
        }
        // A word after "to" is a verb when a noun phrase follows it ("agreed to cap the
        // size", "ready to discuss clauses"), a noun when a preposition or the end does
        // ("open to dialogue with Washington").
        let verb_with_object = |k: usize| {
            let mut n = k + 1;
            while n < ctx.end && ctx.tokens[n].kind == TokenKind::Quote {
                n += 1;
            }
            bare_verb(k) && n < ctx.end && ctx.tokens[n].kind == TokenKind::Word && !np_stop(ctx.w(n))
        };
        let mut skipped_verb = None;
        if ctx.w(k) == "to" && bare_verb(k + 1) {
            skipped_verb = Some(k + 1);
            k += 2;
        } else if ctx.w(cue.last) == "to" && verb_with_object(k) {
            skipped_verb = Some(k);
            k += 1;
        }
        let prepositional_to = ctx.w(cue.last) == "to" && skipped_verb.is_none();
        if let Some(np) = self.noun_phrase(ctx, cue, relation, k, prepositional_to) {
            return Some((np, false));
        }
        // "offered to mediate between Caracas and Washington": the verb phrase is the offer
        // (unless a known position follows, which objects_right prefers).
        let v = skipped_verb?;
        if !matches!(relation, Relation::Proposes | Relation::Demands) {
            return None;
        }
        let mut e = v;
        while e + 1 < ctx.end
            && e < v + 5
            && matches!(ctx.tokens[e + 1].kind, TokenKind::Word | TokenKind::Number)
            && !matches!(ctx.w(e + 1), "that" | "which" | "who" | "but" | "while" | "if" | "unless")
        {
            e += 1;
        }
        if let Some(p) = ctx.ms.iter().find(|m| m.role == Role::Position && m.first >= v && m.last <= e) {
            return Some((p.clone(), false));
        }
        if e == v {
            return None;
        }
        let label = ctx.text[ctx.tokens[v].start..ctx.tokens[e].end].to_string();
        Some((self.np_mention(v, e, &label, ctx), true))
    }

    /// The noun phrase starting at token `k` after a cue, as a new position.
    pub(super) fn noun_phrase(
        &self,
        ctx: &Ctx,
        cue: &CueHit,
        relation: Relation,
        mut k: usize,
        prepositional_to: bool,
    ) -> Option<Mention> {
        // "demanded that Armenia change its constitution", "insisted that Israeli forces
        // must withdraw": the clause is the demand.
        let that = if ctx.w(k) == "that" {
            Some(k)
        } else if ctx.w(cue.last) == "that" {
            Some(k - 1)
        } else {
            None
        };
        if let (Some(k), Relation::Demands) = (that, relation) {
            let mut e = k + 1;
            while e < ctx.end && e < k + 7 && ctx.tokens[e].kind != TokenKind::Punct && !(ctx.w(e) == "to" && e > k + 2)
            {
                e += 1;
            }
            if e > k + 3 {
                let label = ctx.text[ctx.tokens[k + 1].start..ctx.tokens[e - 1].end].to_string();
                return Some(self.np_mention(k + 1, e - 1, &label, ctx));
            }
            return None;
        }
        while k < ctx.end
            && (is_in(&DETERMINERS, ctx.w(k))
                || ctx.tokens[k].kind == TokenKind::Quote
                || matches!(ctx.w(k), "any" | "potential" | "possible" | "further" | "more"))
        {
            k += 1;
        }
        // "opposed Ethiopia's Nile dam": the possessor belongs to the label.
        let mut label_start = k;
        let mut possessed = false;
        if let Some(m) =
            ctx.ms.iter().find(|m| m.first == k && m.is_actor() && matches!(ctx.w(m.last + 1), "'s" | "’s"))
        {
            label_start = m.first;
            k = m.last + 2;
            possessed = true;
        }
        let first = k;
        let after_det = first > cue.last + 1 && is_in(&DETERMINERS, ctx.w(first - 1));
        let mut last = None;
        while k < ctx.end && k < first + 4 {
            let t = ctx.tokens[k];
            let w = ctx.w(k);
            let demonym = ctx.ms.iter().any(|m| {
                m.first <= k
                    && k <= m.last
                    && (m.role == Role::Demonym || (m.modifier && m.entity.kind.is_actor() && k == first))
            });
            // A position word that modifies a noun ("tariff truce") is part of the phrase;
            // a position that heads it ("long-term truce") is the object itself.
            let position = ctx.ms.iter().find(|m| m.first <= k && k <= m.last && m.role == Role::Position);
            if let Some(p) = position {
                let continues = ctx.tokens.get(p.last + 1).is_some_and(|n| {
                    n.kind == TokenKind::Word
                        && p.last + 1 < ctx.end
                        && !np_stop(ctx.w(p.last + 1))
                        && n.text(ctx.text).chars().all(|c| c.is_lowercase())
                });
                if !continues {
                    // "long-term truce": the position heads the phrase and is the object;
                    // "tariff truce": two positions make a new one.
                    let modified_by_position = (first..k)
                        .any(|j| ctx.ms.iter().any(|m| m.first <= j && j <= m.last && m.role == Role::Position));
                    if k > first && !modified_by_position {
                        return None;
                    }
                    if modified_by_position {
                        last = Some(p.last);
                    }
                    break;
                }
                last = Some(p.last);
                k = p.last + 1;
                continue;
            }
            if t.kind != TokenKind::Word
                || np_stop(w)
                || (k > first && (is_in(&DETERMINERS, w) || time_at(ctx, k)))
                || (!demonym && ctx.ms.iter().any(|m| m.first <= k && k <= m.last))
            {
                break;
            }
            if !demonym
                && !possessed
                && w.chars().next().is_some_and(char::is_uppercase)
                && k == first
                && t.text(ctx.text).len() > 1
            {
                break;
            }
            last = Some(k);
            k += 1;
        }
        let mut last = last?;
        let head = ctx.w(last).to_string();
        let words = last + 1 - first;
        // "dismissed calls for a full withdrawal": what is called for.
        if ctx.w(last + 1) == "for"
            && matches!(
                head.as_str(),
                "calls" | "call" | "demands" | "demand" | "appeals" | "appeal" | "push" | "pressure"
            )
        {
            let mut j = last + 2;
            while j < ctx.end && (is_in(&DETERMINERS, ctx.w(j)) || ctx.tokens[j].kind == TokenKind::Quote) {
                j += 1;
            }
            if let Some(p) = ctx.ms.iter().find(|m| m.first == j && m.role == Role::Position) {
                return Some(p.clone());
            }
            let mut e = j;
            while e < ctx.end
                && e < j + 4
                && ctx.tokens[e].kind == TokenKind::Word
                && !np_stop(ctx.w(e))
                && !ctx.ms.iter().any(|m| m.first <= e && e <= m.last)
            {
                e += 1;
            }
            if e > j {
                let label = ctx.text[ctx.tokens[j].start..ctx.tokens[e - 1].end].to_string();
                return Some(self.np_mention(j, e - 1, &label, ctx));
            }
        }
        // "any plan to displace Palestinians", "calls to disarm": the infinitive is the content.
        if ctx.w(last + 1) == "to"
            && matches!(
                head.as_str(),
                "plan"
                    | "plans"
                    | "proposal"
                    | "proposals"
                    | "calls"
                    | "call"
                    | "attempt"
                    | "attempts"
                    | "efforts"
                    | "bid"
                    | "push"
                    | "idea"
                    | "demands"
                    | "demand"
            )
        {
            let mut j = last + 2;
            let mut end = None;
            while j < ctx.end && j < last + 7 {
                let w = ctx.w(j);
                if ctx.tokens[j].kind != TokenKind::Word
                    || (np_stop(w) && j > last + 2)
                    || time_at(ctx, j)
                    || ctx
                        .ms
                        .iter()
                        .any(|m| m.first <= j && j <= m.last && !matches!(m.role, Role::Place | Role::Demonym))
                {
                    break;
                }
                end = Some(j);
                j += 1;
            }
            if let Some(e) = end {
                let label = ctx.text[ctx.tokens[first].start..ctx.tokens[e].end].to_string();
                return Some(self.np_mention(first, e, &label, ctx));
            }
        }
        let junk = is_in(&JUNK_HEADS, &head)
            && !(words >= 2 && !is_in(&JUNK_HEADS, ctx.w(first)) && ctx.w(first).chars().all(|c| c.is_lowercase()));
        if junk
            || head.ends_with("ly")
            || head.ends_with("ed")
            || head.len() < 3
            || ctx.in_quote[first] != ctx.in_quote[cue.first]
        {
            return None;
        }
        // A noun phrase ends in a noun: a known noun ending, or a word after a determiner
        // or an adjective ("the immediate opening", "foreign tutelage").
        let nounish = head.ends_with('s')
            || head.ends_with("tion")
            || head.ends_with("ment")
            || head.ends_with("ity")
            || head.ends_with("acy")
            || head.ends_with("ism")
            || head.ends_with("ance")
            || head.ends_with("ence");
        let of_follows = ctx.w(last + 1) == "of";
        let after_to = prepositional_to && first == cue.last + 1;
        // "urged restraint from all sides": a bare noun before a preposition.
        let bare_noun = words == 1
            && first == cue.last + 1
            && (np_stop(ctx.w(last + 1)) || ctx.tokens.get(last + 1).is_none_or(|t| t.kind == TokenKind::Punct))
            && !head.ends_with("ing")
            && !head.ends_with('s');
        let after_to =
            after_to || (bare_noun && matches!(relation, Relation::Demands | Relation::Supports | Relation::Rejects));
        if !(nounish || words >= 2 || after_det || of_follows || after_to)
            || (head.ends_with("ing") && !(after_det || words >= 2))
        {
            return None;
        }
        // "the opening of all crossings": one "of" phrase belongs to the noun phrase
        // (not after "accused X": "of" gives the reason).
        if ctx.w(last + 1) == "of" && relation != Relation::Criticizes {
            let mut j = last + 2;
            let mut end = None;
            while j < ctx.end && j < last + 6 {
                let w = ctx.w(j);
                let t = ctx.tokens[j];
                let position = ctx.ms.iter().any(|m| m.first <= j && j <= m.last && m.role == Role::Position);
                if !(t.kind == TokenKind::Word || t.kind == TokenKind::Number)
                    || position
                    || (np_stop(w) && w != "all" && w != "'s")
                {
                    break;
                }
                end = Some(j);
                j += 1;
            }
            match end.filter(|&e| !is_in(&DETERMINERS, ctx.w(e))) {
                Some(e) => last = e,
                None if !(nounish || words >= 2 || after_det) => return None,
                None => {}
            }
        }
        if possessed && last + 1 == first + 1 && is_in(&JUNK_HEADS, &head) {
            return None;
        }
        let label = ctx.text[ctx.tokens[label_start].start..ctx.tokens[last].end].to_string();
        Some(self.np_mention(label_start, last, &label, ctx))
    }

    /// What a demand asks for, after its noun: "to stop buying Russian oil" (a verb
    /// phrase) or "for a ceasefire" (a position or noun phrase).
    pub(super) fn content_after(&self, ctx: &Ctx, last: usize) -> Option<Mention> {
        match ctx.w(last + 1) {
            "to" => {
                let first = last + 2;
                let t = ctx.tokens.get(first)?;
                if first >= ctx.end
                    || t.kind != TokenKind::Word
                    || !t.text(ctx.text).chars().next().is_some_and(char::is_lowercase)
                    || is_in(&AUXILIARIES, ctx.w(first))
                {
                    return None;
                }
                let mut e = first;
                while e + 1 < ctx.end
                    && e < first + 5
                    && ctx.tokens[e + 1].kind == TokenKind::Word
                    && !np_stop(ctx.w(e + 1))
                {
                    e += 1;
                }
                if let Some(p) = ctx.ms.iter().find(|m| m.role == Role::Position && m.first >= first && m.last <= e) {
                    return Some(p.clone());
                }
                let label = ctx.text[ctx.tokens[first].start..ctx.tokens[e].end].to_string();
                Some(self.np_mention(first, e, &label, ctx))
            }
            "for" => {
                ctx.ms.iter().find(|m| m.first > last + 1 && m.first <= last + 4 && m.role == Role::Position).cloned()
            }
            _ => None,
        }
    }

    pub(super) fn np_mention(&self, first: usize, last: usize, label: &str, ctx: &Ctx) -> Mention {
        Mention::at(
            self.position_named(label),
            Role::Position,
            Span::new(ctx.tokens[first].start, ctx.tokens[last].end),
            first,
            last,
        )
    }

    /// The subject of the copula before a predicate cue ("NATO membership is a red
    /// line …", "the plan was unacceptable"): a position in the same clause.
    pub(super) fn copula_subject(&self, ctx: &Ctx, cue_first: usize) -> Option<Mention> {
        let lo = clause_start(ctx, cue_first);
        // "it could form the basis": "it" is the latest position before it.
        if let Some(it) = (cue_first.saturating_sub(3).max(lo)..cue_first).find(|&k| matches!(ctx.w(k), "it" | "this"))
        {
            return ctx
                .ms
                .iter()
                .filter(|m| m.last < it && m.first >= ctx.start && m.role == Role::Position)
                .max_by_key(|m| m.last)
                .cloned();
        }
        let be = (lo..cue_first).rev().find(|&k| {
            is_in(BE, ctx.w(k))
                || matches!(
                    ctx.w(k),
                    "remains" | "remain" | "seems" | "looks" | "become" | "becomes" | "find" | "found"
                )
        })?;
        // The clause of the copula starts after "while", "whereas", "but".
        let lo = (lo..be).rev().find(|&k| matches!(ctx.w(k), "while" | "whereas" | "but")).map(|k| k + 1).unwrap_or(lo);
        if (lo..be).any(|k| matches!(ctx.w(k), "which" | "that" | "who")) {
            return None;
        }
        // The subject is the position that opens the clause or stands just before the
        // copula, not one further back ("rejected the proposal, saying only X was …").
        let opens = |m: &&Mention| {
            (lo..m.first).all(|k| is_in(&DETERMINERS, ctx.w(k)) || ctx.tokens[k].kind == TokenKind::Quote)
        };
        let known = ctx
            .ms
            .iter()
            .filter(|m| m.first >= lo && m.last < be && m.role == Role::Position)
            .filter(|m| opens(m) || m.last + 4 >= be)
            .max_by_key(|m| m.last)
            .cloned();
        if known.is_some() {
            return known;
        }
        // An unknown noun phrase right before the copula: "only a bizonal, bicommunal
        // federation in line with UN resolutions was acceptable".
        let det = (be.saturating_sub(12).max(lo)..be).rev().find(|&k| matches!(ctx.w(k), "a" | "an" | "the"))?;
        let mut e = det + 1;
        while e < be
            && !is_in(&PREPOSITIONS, ctx.w(e))
            && !ctx.ms.iter().any(|m| m.first <= e && e <= m.last)
            && !is_in(&AUXILIARIES, ctx.w(e))
        {
            e += 1;
        }
        if e == det + 1 || e - det > 5 {
            return None;
        }
        let head = ctx.w(e - 1);
        if ctx.tokens[e - 1].kind != TokenKind::Word
            || head.ends_with("ed")
            || head.ends_with("ing")
            || head.ends_with("ly")
            || is_in(&JUNK_HEADS, head)
        {
            return None;
        }
        let label = ctx.text[ctx.tokens[det + 1].start..ctx.tokens[e - 1].end].to_string();
        Some(self.np_mention(det + 1, e - 1, &label, ctx))
    }
}

/// A number at token `i` ("600,000", "1 million", "one million"): its tokens and text.
/// Whether a time expression starts at token `k` ("yesterday", "earlier today", "last
/// week", "this morning"): it ends the noun phrase before it, so that "rejected the
/// plan yesterday" is about the plan.
pub(super) fn time_at(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.w(k);
    let next_is_word = k + 1 < ctx.end && ctx.tokens[k + 1].kind == TokenKind::Word;
    let next = if next_is_word { ctx.w(k + 1) } else { "" };
    is_in(TIME_ADVERBS, w)
        || (is_in(SOMETIMES_TIME_ADVERBS, w) && (!next_is_word || is_in(TIME_ADVERBS, next) || next == "this"))
        || (matches!(w, "last" | "next" | "this") && is_in(TIME_NOUNS, next))
}

pub(super) fn number_at(ctx: &Ctx, i: usize) -> Option<(usize, usize, String)> {
    let t = ctx.tokens.get(i)?;
    let w = ctx.w(i);
    let words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    let base = if t.kind == TokenKind::Number && w.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
        w.to_string()
    } else if let Some(p) = words.iter().position(|x| *x == w) {
        if matches!(ctx.w(i + 1), "million" | "thousand") {
            (p + 1).to_string()
        } else {
            return None;
        }
    } else {
        return None;
    };
    if matches!(ctx.w(i + 1), "million" | "thousand" | "billion") {
        return Some((i, i + 1, format!("{base} {}", ctx.w(i + 1))));
    }
    // Bare small numbers and years are not amounts.
    let digits: String = base.chars().filter(char::is_ascii_digit).collect();
    let value: u64 = digits.parse().ok()?;
    if value < 1000 || (base.len() == 4 && (1900..2100).contains(&value)) {
        return None;
    }
    Some((i, i, base))
}

pub(super) fn is_plan_modifier(w: &str) -> bool {
    w.ends_with("-drafted")
        || w.ends_with("-backed")
        || w.ends_with("-brokered")
        || w.ends_with("-proposed")
        || w.ends_with("-authored")
        || w.ends_with("-sponsored")
        || w.ends_with("-point")
}
