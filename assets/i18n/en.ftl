# Waqai's interface in English. Each message has the same id in ar.ftl; a test fails when one
# file has a message the other lacks, or when the code asks for an id neither has.

## Commands (the menus, the help window, the README's table)
cmd-open = Open…
cmd-open-tip = open a document (`*.waqai.json`) or an article (`.txt`, `.html`)
cmd-save = Save
cmd-save-tip = save the document (atomically)
cmd-save-as = Save as…
cmd-save-as-tip = save the document under another name
cmd-export = Export…
cmd-export-tip = export a view as PNG or SVG (with a sidecar to replay it), or the data as GEXF, GraphML, TimelineJS, CSV or a GDELT-like table
cmd-quit = Quit
cmd-quit-tip = close the window (asking first about unsaved edits)
cmd-undo = Undo
cmd-undo-tip = undo the last edit
cmd-redo = Redo
cmd-redo-tip = redo what was undone
cmd-find = Find in the article…
cmd-find-tip = find in the article (hamza forms, ى/ي, ة/ه, tatweel and diacritics ignored); `Enter` goes to the next hit
cmd-copy = Copy selected text
cmd-copy-tip = copy the text selected (by dragging) in the article, in logical order
cmd-next = Next event
cmd-next-tip = next event in chronological order
cmd-previous = Previous event
cmd-previous-tip = previous event in chronological order
cmd-show-in-article = Show in the article
cmd-show-in-article-tip = bring the selection's evidence (or first mention) into view in the article
cmd-clear-selection = Clear the selection
cmd-clear-selection-tip = clear the selection
cmd-fit = Fit timeline and graph
cmd-fit-tip = fit the timeline and the graph
cmd-help = Keyboard shortcuts
cmd-help-tip = list these commands and their keys

## Menus
menu-file = File
menu-edit = Edit
menu-view = View
menu-help = Help
menu-open-recent = Open recent
view-lanes-by-kind = Timeline lanes by event kind
view-show-places = Places in the relationship panel
view-time-axis = Time axis
view-calendar-tip = Hijri dates by the Umm al-Qura calendar
calendar-gregorian = Gregorian
calendar-hijri = Hijri
calendar-both = Gregorian and Hijri
view-language = Language
view-language-tip = Language of the interface, of the dates on the time axis and of the labels Waqai writes
view-digits = Digits
view-digits-tip = Digits of the numbers Waqai writes (axis, counts); the article's own are never changed
digits-western = Western digits (0123)
digits-arabic-indic = Arabic-Indic digits (٠١٢٣)
view-names = Names
view-names-tip = How actors are named in the timeline's lanes, the graph and pictures; Latin forms come from the name lists or, marked automatic, by rule
names-arabic = Arabic names
names-latin = Latin names
names-both = Arabic and Latin names
panel-timeline = Timeline
panel-relations = Relationships
panel-article = Article
panel-inspector = Inspector
theme = Theme:
theme-system = System
theme-system-tip = Follow the system's light or dark preference
theme-dark = Dark
theme-light = Light
problems-count = problems ({ $n })
problems-count-tip = Listed in the inspector when nothing is selected

## The window
files-documents-and-articles = Waqai documents and articles
files-all = All files
files-document = Waqai document
untitled = untitled
error = Error:
dismiss = Dismiss
error-edit = Could not change that: { $why }
error-recovery-write = Could not write the recovery file { $why }
error-restore = Could not restore { $why }
error-open = Could not open { $why }
error-save = Could not save { $why }
error-extraction-stopped = Could not open { $path }: the extraction stopped unexpectedly
recovery-offer = Unsaved edits of this document were kept from an earlier session.
recovery-restore = Restore them
recovery-discard = Discard them
no-file = (no file)
status-no-extraction = no extraction yet
status-extraction-loaded = extraction loaded
status-zoom = zoom { $percent } %
status-extracting = reading and extracting { $name }…
status-counts = { $events ->
        [one] { $events } event
       *[other] { $events } events
    } · { $actors ->
        [one] { $actors } actor
       *[other] { $actors } actors
    }

## Export
export-title = Export
export-running = exporting { $what }…
export-picture = Picture
export-picture-tip = PNG or SVG of a view, with a .json sidecar that can replay it
export-data = Data
export-data-tip = The graph, the timeline or the tables, for other tools
export-view = View
export-format = Format
export-scale = Scale
export-times = { $n }×
export-theme = Theme
export-size = Size
unit-pt = pt
export-pixels = { $w } × { $h } pixels
export-done = Exported { $path }
error-export = Could not export { $why }
error-export-stopped = The export stopped unexpectedly
view-timeline = timeline
view-relations = relations
view-article = article
view-inspector = inspector
view-window = window
data-gexf = GEXF graph (Gephi)
data-graphml = GraphML graph
data-timelinejs = TimelineJS JSON
data-csv-events = CSV: events
data-csv-actors = CSV: actors
data-csv-relations = CSV: relations
data-gdelt = GDELT-like event table (TSV)
unsaved-title = Unsaved changes
unsaved-text = The document has changes that are not saved.
unsaved-discard = Discard changes
cancel = Cancel

## Panels
fit = Fit
fit-graph-tip = Fit the graph (F)
graph-size = Size
graph-size-tip = Size nodes by centrality (betweenness, else degree)
graph-all = All
graph-1-step = 1 step
graph-2-steps = 2 steps
graph-steps-tip = With an actor selected, show only the actors this many links away from it
export-view-tip = Right-click to export this view
export-this-view = Export this view…

## Timeline
lanes = Lanes:
lanes-actors = Actors
lanes-actors-tip = One lane per actor
lanes-kinds = Event kinds
lanes-kinds-tip = One lane per kind of event
fit-events-tip = Fit all events (F)
fit-all-events = Fit all events
show-week = Show the week around the selected event
timeline-description = Timeline: { $events ->
        [one] { $events } event
       *[other] { $events } events
    } on { $lanes ->
        [one] { $lanes } lane
       *[other] { $lanes } lanes
    }; arrow keys step through the events
overview-tip = All events over time. Drag across to show a stretch, drag the highlighted window to move it, double-click to show everything.
overview-description = Overview of all events over time: drag to choose the stretch shown
date-not-stated = date not stated
published = published
day-not-stated-near = day not stated (near { $day })
gap-days = { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
gap-months = { $n ->
        [one] { $n } month
       *[other] { $n } months
    }
gap-years = { $n ->
        [one] { $n } year
       *[other] { $n } years
    }

## Terms of the document format (kind-*, status-*, role-*, entity-*, precision-*, relation-*)
kind-visit = visit
kind-arrival = arrival
kind-meeting = meeting
kind-signing = signing
kind-agreement = agreement
kind-statement = statement
kind-other = other
status-occurred = occurred
status-planned = planned
status-reported = reported
entity-person = person
entity-organization = organisation
entity-group = group
entity-country = country
entity-city = city
entity-site = site
role-host = host
role-guest = guest
role-signatory = signatory
role-delegation = delegation
role-subject = subject
role-participant = participant
precision-day = day
precision-month = month
precision-year = year
precision-unknown = unknown
relation-met = met
relation-counterpart = counterpart
relation-member-of = member of
relation-leads = leads
relation-signed-with = signed with
relation-invited = invited
relation-cooperates-with = cooperates with
relation-located-in = located in

## Relationships
graph-empty = No actors in this document yet.
graph-description = Relationship graph: { $actors ->
        [one] { $actors } actor
       *[other] { $actors } actors
    }, { $links ->
        [one] { $links } link
       *[other] { $links } links
    }
fit-graph = Fit the graph
actor-summary = { $kind } · { $country } · { $events ->
        [one] { $events } event
       *[other] { $events } events
    }
graph-laying-out = Laying out { $actors } actors… { $percent } %

## Article
article-description = Article text: select a passage to see what it mentions
copy = Copy
mention-tip = { $kind } — click to select
evidence-tip = evidence — click to select the event
find-hint = Find in the article
no-match = no match
match-of = { $i } of { $n }
previous = Previous
next = Next
close = Close
close-search-tip = Close the search (Esc)

## Inspector
event-number = #{ $i } of { $n }
cameo-tip = CAMEO event code
when = WHEN
not-stated = not stated
precision = · precision { $precision }
where = WHERE
participants = PARTICIPANTS
missing-actor = missing: { $id }
topics = TOPICS
evidence = EVIDENCE
outside-the-text = (outside the text)
edit = EDIT
latin-automatic = { $latin } (automatic)
latin-automatic-tip = Romanised by rule: no name list knows this name; edit it below
roles = ROLES
centrality = CENTRALITY
degree = degree { $value } (#{ $rank } of { $n })
betweenness = betweenness { $value } (#{ $rank } of { $n })
centrality-tip = Degree: the share of the other actors this one is linked to. Betweenness: the share of shortest paths between other actors that pass through this one.
part-of = PART OF
events = EVENTS
mentions = MENTIONS
in-the-text = { $n } in the text
show-first-mention = Show first mention
publication-date = Publication date
publication-date-tip = Setting it turns «today», «yesterday» and weekdays into calendar dates
set = Set
not-a-date = not a date
overview-help = Click an event on the timeline, an actor in the graph or a passage of the article. The arrow keys (or J and K) step through the events; Esc clears.
problems-heading = PROBLEMS ({ $n })
document-counts = { $events ->
        [one] { $events } event
       *[other] { $events } events
    } · { $actors ->
        [one] { $actors } actor
       *[other] { $actors } actors
    } · { $relations ->
        [one] { $relations } relation
       *[other] { $relations } relations
    } · published { $published }

## Editing forms
field-kind = Kind
field-status = Status
field-summary = Summary
hint-summary = what happened
field-date = Date
hint-date = YYYY-MM-DD
field-precision = Precision
field-place = Place
none = (none)
field-participants = Participants
field-role = Role
remove = Remove
remove-participant-tip = Remove this participant
add-participant = Add a participant…
field-topics = Topics
hint-topic = add a topic
delete-event = Delete this event
field-name = Name
hint-name = as the article writes it
field-latin = Latin
hint-latin = Latin-script name
field-country = Country
hint-country = LY, FR …
field-roles = Roles
hint-role = add a title or office
merge = Merge another actor into this one…
field-mentions = Mentions
split-off = Split off
split-off-tip = Make this mention a new actor
add-mention-of = Add as a mention of { $name }
add-evidence-of = Add as evidence of event { $n }
new-actor = New actor from the selection
new-event = New event from the selection
cameo = CAMEO { $code }
resize-panel = Resize panel
close-window-tip = Close this window (Esc)

## More commands
cmd-next-panel = Next panel
cmd-next-panel-tip = give the keyboard to the next panel (timeline, graph, article); there the arrows step through events or actors
cmd-previous-panel = Previous panel
cmd-previous-panel-tip = give the keyboard to the previous panel

## Days counted from publication
day-publication = publication day
days-before = { $n ->
        [one] day before publication
       *[other] { $n } days before publication
    }
days-after = { $n ->
        [one] day after publication
       *[other] { $n } days after publication
    }
with-weekday = { $day } ({ $weekday })
weekday-monday = Monday
weekday-tuesday = Tuesday
weekday-wednesday = Wednesday
weekday-thursday = Thursday
weekday-friday = Friday
weekday-saturday = Saturday
weekday-sunday = Sunday

## Problems of a document (validation)
problem-format = unknown format "{ $found }" (this program reads "{ $expected }")
problem-mention-reversed = a mention of "{ $id }" starts after it ends ({ $start }..{ $end })
problem-mention-outside = a mention of "{ $id }" ({ $start }..{ $end }) lies outside the text, which has { $length } characters
problem-evidence-reversed = evidence of "{ $id }" starts after it ends ({ $start }..{ $end })
problem-evidence-outside = evidence of "{ $id }" ({ $start }..{ $end }) lies outside the text, which has { $length } characters
problem-published = the publication date "{ $date }" is not a real calendar date (YYYY-MM-DD)
problem-entity-id-twice = two entities have the id "{ $id }"
problem-event-id-twice = two events have the id "{ $id }"
problem-part-of-missing = entity "{ $id }" is part of "{ $part }", which does not exist
problem-participant-missing = event "{ $id }" has participant "{ $entity }", which does not exist
problem-place-missing = event "{ $id }" takes place at "{ $place }", which does not exist
problem-event-date = event "{ $id }" has the date "{ $date }", which is not a real calendar date
problem-relation-end-missing = relation { $n } ({ $source } { $kind } { $target }) names "{ $end }", which does not exist
problem-relation-event-missing = relation { $n } ({ $source } { $kind } { $target }) cites event "{ $event }", which does not exist
problem-order-shared = events { $ids } share the order { $order }
problem-order-skips = the event order skips from { $from } to { $to } (orders must run 1, 2, 3 …)

## A desk of articles
cmd-new-corpus = New corpus…
cmd-new-corpus-tip = make a desk of articles: one file (`*.waqai.db`) for many articles, one timeline over them all
cmd-add-articles = Add articles…
cmd-add-articles-tip = add articles, documents or JSON Lines to the open corpus (extracted on all cores; files already in it are skipped)
cmd-open-folder = Add a folder…
cmd-open-folder-tip = add every article of a folder (and its subfolders) to the open corpus
files-articles = Articles and documents
error-corpus-exists = { $path } exists already: open it with Open…
import-done = Added { $new ->
        [one] { $new } article
       *[other] { $new } articles
    } ({ $unchanged } already there, { $failed } failed)
import-cancelled = Import cancelled: { $new ->
        [one] { $new } article
       *[other] { $new } articles
    } added ({ $unchanged } already there, { $failed } failed)
import-failure = { $n } files could not be added, the first: { $path }: { $why }
import-stopped = The import stopped unexpectedly
import-progress = { $done } / { $total } files · { $rate }/s
import-cancel-tip = Stop the import; what was added stays
filter-words-hint = words in the articles
filter-words-tip = Enter shows the articles holding every word (hamza, ى/ي, ة/ه and diacritics ignored)
filter-any-actor = any actor
filter-any-kind = any kind
filter-any-outlet = any outlet
filter-actor = Actor
filter-kind = Event kind
filter-outlet = Outlet
filter-shown = Filtered: { $what }
filter-clear = Clear the filter
filter-clear-tip = Show the whole corpus again
filter-articles = { $n ->
        [one] { $n } article
       *[other] { $n } articles
    }
articles-heading = Articles ({ $n })
article-line = { $date } · { $events ->
        [one] { $events } event
       *[other] { $events } events
    }
sources-heading = SOURCES ({ $n }) — click one to read its account
source-line = { $n }. { $title } { $outlet }
label-with-sources = { $label } · { $n } sources
composing = composing the corpus…
compose-stopped = The corpus could not be composed (the worker stopped)
roles-then-tip = What the report of this meeting calls them (their title then)
corpus-edit-elsewhere = In a corpus, actors are merged and split and articles dated here; other edits are made in an article opened on its own
filter-country = Country
filter-any-country = any country
filter-from = from (date)
filter-to = to (date)
filter-enter-tip = A day as YYYY-MM-DD; Enter applies it, an empty field and Enter removes it

