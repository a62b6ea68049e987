"""The page of `assistant report --html`: one self-contained Jinja2 template.

Everything is inline (styles, no scripts, no fonts, no images fetched) and the Content
Security Policy forbids the page to load anything, so opening it sends nothing anywhere.
The template is rendered with autoescape: subjects and names come from mail.
"""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy"
      content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="inbox-assistant {{ version }}">
<title>Job search pipeline – {{ as_of_short }}</title>
<style>
:root {
  --bg: #f6f7f9; --card: #ffffff; --text: #1d2330; --muted: #5a6272; --line: #dde1e8;
  --overdue: #b42318; --overdue-bg: #fde8e7; --due: #8a4b00; --due-bg: #fff1d6;
  --waiting: #1f5fae; --waiting-bg: #e3eefb; --closed: #2d6a3e; --closed-bg: #e4f3e8;
  --accent: #3b4fd8;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #14171d; --card: #1d2129; --text: #e8ebf1; --muted: #a5adbb; --line: #323845;
    --overdue: #ff8a80; --overdue-bg: #3d1c1a; --due: #ffc46b; --due-bg: #3a2c12;
    --waiting: #8fbcff; --waiting-bg: #182a44; --closed: #8fd6a3; --closed-bg: #173323;
    --accent: #9aa8ff;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; }
main { max-width: 68rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
header h1 { margin: 0 0 .25rem; font-size: 1.9rem; letter-spacing: -.01em; }
header p { margin: 0; color: var(--muted); }
h2 { font-size: 1.25rem; margin: 2.5rem 0 .75rem; }
section > p.lead { margin: -.25rem 0 1rem; color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr));
  gap: .75rem; margin: 1.75rem 0 0; padding: 0; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: .75rem;
  padding: .9rem 1rem; }
.card dt { color: var(--muted); font-size: .85rem; }
.card dd { margin: .1rem 0 0; font-size: 1.8rem; font-weight: 650; }
.card dd small { display: block; font-size: .8rem; font-weight: 400; color: var(--muted); }
.card.overdue dd { color: var(--overdue); } .card.due dd { color: var(--due); }
.card.waiting dd { color: var(--waiting); } .card.closed dd { color: var(--closed); }
.days { list-style: none; display: grid; gap: .4rem; padding: 0; margin: 0 0 1.5rem;
  grid-template-columns: repeat(auto-fill, minmax(4.2rem, 1fr)); }
.days li { background: var(--card); border: 1px solid var(--line); border-radius: .6rem;
  padding: .45rem .5rem; text-align: center; font-size: .8rem; color: var(--muted); }
.days li.busy { border-color: var(--waiting); color: var(--text); }
.days li.now { border-color: var(--due); background: var(--due-bg); color: var(--text); }
.days li.now.late { border-color: var(--overdue); background: var(--overdue-bg); }
.days li.weekend { opacity: .75; }
.days b { display: block; font-size: 1.15rem; color: var(--text); }
.days .count { display: block; margin-top: .15rem; font-weight: 600; }
.timeline { list-style: none; margin: 0; padding: 0 0 0 1.1rem;
  border-left: 3px solid var(--line); }
.timeline > li { position: relative; margin: 0 0 1.25rem; }
.timeline > li::before { content: ""; position: absolute; left: -1.62rem; top: .35rem;
  width: .85rem; height: .85rem; border-radius: 50%; background: var(--waiting);
  border: 3px solid var(--bg); }
.timeline > li.overdue::before { background: var(--overdue); }
.timeline > li.due::before { background: var(--due); }
.timeline h3 { margin: 0 0 .4rem; font-size: 1rem; }
.timeline ul { list-style: none; margin: 0; padding: 0; }
.timeline ul li { background: var(--card); border: 1px solid var(--line);
  border-radius: .6rem; padding: .55rem .8rem; margin-bottom: .4rem; }
.timeline .what { font-weight: 600; }
.timeline .meta { color: var(--muted); font-size: .875rem; }
.badge { display: inline-block; padding: .05rem .5rem; border-radius: 999px;
  font-size: .78rem; font-weight: 600; white-space: nowrap; }
.badge.overdue { color: var(--overdue); background: var(--overdue-bg); }
.badge.due { color: var(--due); background: var(--due-bg); }
.badge.waiting { color: var(--waiting); background: var(--waiting-bg); }
.badge.closed { color: var(--closed); background: var(--closed-bg); }
.badge.plain { color: var(--muted); border: 1px solid var(--line); }
.table-wrap { overflow-x: auto; background: var(--card); border: 1px solid var(--line);
  border-radius: .75rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
caption { text-align: left; padding: .7rem .9rem 0; color: var(--muted); font-size: .85rem; }
th, td { padding: .55rem .9rem; text-align: left; vertical-align: top;
  border-bottom: 1px solid var(--line); }
tbody tr:last-child th, tbody tr:last-child td { border-bottom: 0; }
thead th { font-size: .78rem; text-transform: uppercase; letter-spacing: .04em;
  color: var(--muted); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.reason { color: var(--muted); font-size: .85rem; max-width: 28rem; }
.bar { display: flex; height: .6rem; min-width: 8rem; border-radius: 999px; overflow: hidden;
  background: var(--line); margin-top: .35rem; }
.bar span { display: block; height: 100%; }
.bar .overdue { background: var(--overdue); } .bar .due { background: var(--due); }
.bar .waiting { background: var(--waiting); } .bar .closed { background: var(--closed); }
.bar .answer { background: var(--accent); }
.empty { color: var(--muted); background: var(--card); border: 1px dashed var(--line);
  border-radius: .75rem; padding: 1rem; margin: 0; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; }
/* Hidden labels stay inside their box, not at the page's edge. */
.table-wrap, .days li { position: relative; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
@media print { body { background: #fff; } .card, .table-wrap, .days li { break-inside: avoid; } }
</style>
</head>
<body>
<main>
<header>
  <h1>Job search pipeline</h1>
  <p>As of {{ as_of }}{% if account %} · {{ account }}{% endif %}</p>
  <p>{{ last_scan }}</p>
</header>

{% if not known %}
<p class="empty" role="status">No scan yet. Run <code>assistant scan</code>, then make this
report again.</p>
{% else %}
<dl class="cards" aria-label="Summary">
{% for card in cards %}
  <div class="card {{ card.tone }}"><dt>{{ card.label }}</dt>
    <dd>{{ card.value }}{% if card.note %}<small>{{ card.note }}</small>{% endif %}</dd></div>
{% endfor %}
</dl>

<section aria-labelledby="when">
  <h2 id="when">What is due when</h2>
  <p class="lead">Follow-ups owed now and in the next {{ horizon_days }} days.</p>
  <ol class="days" aria-label="Follow-ups per day">
  {% for day in days %}
    <li class="{{ day.classes }}"><span class="sr-only">{{ day.long }}: </span>
      <span aria-hidden="true">{{ day.dow }}<b>{{ day.dom }}</b></span>
      <span class="count">{{ day.count_text }}</span></li>
  {% endfor %}
  </ol>
  {% if groups %}
  <ol class="timeline">
  {% for group in groups %}
    <li class="{{ group.tone }}"><h3>{{ group.title }}</h3>
      <ul>
      {% for item in group.entries %}
        <li><span class="what">{{ item.step }}</span> · {{ item.subject }}
          <div class="meta">{% if item.time %}{{ item.time }} · {% endif %}{{ item.counterpart }}
            · <span class="badge plain">{{ item.situation }}</span>
            {% if item.drafted %}<span class="badge closed">draft ready</span>{% endif %}
            {% if item.until %}· window closes {{ item.until }}{% endif %}</div></li>
      {% endfor %}
      </ul></li>
  {% endfor %}
  </ol>
  {% else %}
  <p class="empty">Nothing is due in the next {{ horizon_days }} days.</p>
  {% endif %}
</section>

<section aria-labelledby="by-situation">
  <h2 id="by-situation">Threads by situation and status</h2>
  {% if matrix %}
  <div class="table-wrap"><table>
    <caption>Job-search threads of the scan window, by what they are and where they stand.
    </caption>
    <thead><tr><th scope="col">Situation</th><th scope="col" class="num">Overdue</th>
      <th scope="col" class="num">Due</th><th scope="col" class="num">Waiting</th>
      <th scope="col" class="num">Closed</th><th scope="col" class="num">Total</th>
      <th scope="col"><span class="sr-only">Share</span></th></tr></thead>
    <tbody>
    {% for row in matrix %}
      <tr><th scope="row">{{ row.label }}</th><td class="num">{{ row.overdue }}</td>
        <td class="num">{{ row.due }}</td><td class="num">{{ row.waiting }}</td>
        <td class="num">{{ row.closed }}</td><td class="num">{{ row.total }}</td>
        <td><div class="bar" aria-hidden="true">{% for part in row.parts %}<span
          class="{{ part.tone }}" style="width: {{ part.pct }}%"></span>{% endfor %}</div></td></tr>
    {% endfor %}
    </tbody>
  </table></div>
  {% else %}
  <p class="empty">No job-search thread in the scan window.</p>
  {% endif %}
</section>

<section aria-labelledby="answers">
  <h2 id="answers">Follow-ups and answers</h2>
  <p class="lead">{{ answers_lead }}</p>
  {% if follow_ups %}
  <div class="table-wrap"><table>
    <caption>Follow-ups drafted by the assistant that you sent, and how fast they were
    answered.</caption>
    <thead><tr><th scope="col">Thread</th><th scope="col">To</th><th scope="col">Sent</th>
      <th scope="col">Answer</th></tr></thead>
    <tbody>
    {% for row in follow_ups %}
      <tr><th scope="row">{{ row.subject }}</th><td>{{ row.to }}</td><td>{{ row.sent }}</td>
        <td><span class="badge {{ row.tone }}">{{ row.answer }}</span>
          {% if row.pct is not none %}<div class="bar" aria-hidden="true"><span class="answer"
          style="width: {{ row.pct }}%"></span></div>{% endif %}</td></tr>
    {% endfor %}
    </tbody>
  </table></div>
  {% endif %}
</section>

<section aria-labelledby="threads">
  <h2 id="threads">Every thread</h2>
  {% if threads %}
  <div class="table-wrap"><table>
    <caption>Sorted by what needs you first.</caption>
    <thead><tr><th scope="col">Subject</th><th scope="col">With</th>
      <th scope="col">Situation</th><th scope="col">Status</th><th scope="col">Next</th>
      <th scope="col">Why</th></tr></thead>
    <tbody>
    {% for row in threads %}
      <tr><th scope="row">{{ row.subject }}</th><td>{{ row.counterpart }}</td>
        <td>{{ row.situation }}</td>
        <td><span class="badge {{ row.tone }}">{{ row.status }}</span></td>
        <td>{{ row.next }}</td><td class="reason">{{ row.reason }}</td></tr>
    {% endfor %}
    </tbody>
  </table></div>
  {% else %}
  <p class="empty">No job-search thread in the scan window.</p>
  {% endif %}
</section>

{% if runs %}
<section aria-labelledby="runs">
  <h2 id="runs">Recent scans</h2>
  <div class="table-wrap"><table>
    <thead><tr><th scope="col">When</th><th scope="col">Result</th>
      <th scope="col" class="num">Threads</th><th scope="col" class="num">Due</th>
      <th scope="col" class="num">Drafts created</th></tr></thead>
    <tbody>
    {% for run in runs %}
      <tr><th scope="row">{{ run.when }}</th>
        <td><span class="badge {{ run.tone }}">{{ run.result }}</span></td>
        <td class="num">{{ run.threads }}</td><td class="num">{{ run.due }}</td>
        <td class="num">{{ run.drafts }}</td></tr>
    {% endfor %}
    </tbody>
  </table></div>
</section>
{% endif %}
{% endif %}

<footer>Made by inbox-assistant {{ version }} on this computer, from what its last scan
stored. The page loads nothing from the network.</footer>
</main>
</body>
</html>
"""
