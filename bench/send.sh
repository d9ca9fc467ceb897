#!/bin/bash
# bench/send.sh - end-to-end send throughput of Infolettre against the machine's SMTP limit.
#
# One run, on its own, on a fresh machine (installs postfix, builds the jar if it is missing):
#   1. measures the SMTP limit of this machine with the shared smtp-limit.sh (Postfix smtp-source
#      -> smtp-sink, ~25 KB French newsletter, connection reuse, 1 and 4 sessions);
#   2. starts a discarding Postfix smtp-sink and the application (-Xmx256m, GC log) against it,
#      seeds N subscribers through the REST API (batches of 5,000, French names, the sectors the
#      platform offers, a list of their own), creates a ~25 KB personalised issue for that list, sends it and waits for SENT;
#   3. prints msg/s = N / (send request -> SENT), the part spent before the first message
#      (freezing the recipients), peak heap, and with --profile the hottest methods (JFR).
# The last line is always exactly:
#   RESULT content=markdown|blocks send_msgs_per_s=… smtp_limit_msgs_per_s=… ratio=… heap_peak_mb=… heap_live_mb=…
# (heap_peak_mb: most in use before a GC pause, bounded by -Xmx256m; heap_live_mb: most left after a
# collecting pause, the live data: flat when recipients are streamed)
#
# Usage: bench/send.sh [--messages N] [--profile] [--timeout S] [--stall S] [--poll S] [--keep]
#                      [--skip-smtp-limit RATE] [--database-process] [--blocks] [--smoke] [-- APP_ARG...]
#   --messages N        subscribers seeded and messages sent (default 20000)
#   --profile           record with JFR (settings=profile) and print the top 25 hot methods
#   --timeout S         give up waiting for SENT after S seconds (default 600 + N/5)
#   --stall S           give up when the progress has not moved for S seconds (default 180)
#   --poll S            status polling interval (default 2; each poll reads the issue and its
#                       ledger head; the end time comes from the log)
#   --keep              keep the work folder (logs, GC log, JFR) even on success
#   --skip-smtp-limit RATE  do not measure the SMTP limit, use RATE msg/s (quick iterations only)
#   --database-process  run the MongoDB-wire server in its own JVM (bench/MongoWireServer.java, a free
#                       port) instead of embedded, so that -Xmx256m measures the application alone
#   --blocks            the same issue written as blocks (headings, rich text, buttons, a divider, an
#                       event and an image uploaded to the media library) instead of one Markdown body
#   --markdown          the issue as one Markdown body (the default, except in a smoke run)
#   --smoke             a smoke run (bench/lib.sh): 200 messages, the SMTP limit over 500 messages, the
#                       issue written as blocks (so that the smoke run also covers the media upload)
#   -- APP_ARG...       extra application arguments, e.g. -- --newsletter.delivery.chunk-size=200
# Environment: SHARED_TOOLS (default $REPO/../shared/tools), BENCH_JAVA_OPTS (extra JVM options),
# BENCH_SMOKE=1 (as --smoke).
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

smoke_from_args "$@"
CONTENT=markdown    # or blocks (--blocks)
if smoke; then
  MESSAGES=200; STALL=60; POLL=1; SMTP_LIMIT_MESSAGES=500; CONTENT=blocks
else
  MESSAGES=20000; STALL=180; POLL=2; SMTP_LIMIT_MESSAGES=5000
fi
PROFILE=0
TIMEOUT=""
KEEP=0
SMTP_LIMIT_GIVEN=""
APP_ARGS=()
DB_PROCESS=0
BATCH=5000          # subscribers per POST (the API accepts up to 10,000)

while [ $# -gt 0 ]; do
  case "$1" in
    --messages) MESSAGES="$2"; shift 2 ;;
    --profile) PROFILE=1; shift ;;
    --timeout) TIMEOUT="$2"; shift 2 ;;
    --stall) STALL="$2"; shift 2 ;;
    --poll) POLL="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --blocks) CONTENT=blocks; shift ;;
    --markdown) CONTENT=markdown; shift ;;
    --skip-smtp-limit) SMTP_LIMIT_GIVEN="$2"; shift 2 ;;
    --database-process) DB_PROCESS=1; shift ;;
    --smoke) shift ;;
    --) shift; APP_ARGS=("$@"); break ;;
    -h|--help) sed -n '2,32p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$MESSAGES" =~ ^[1-9][0-9]*$ ]] || die "--messages needs a positive integer"
TIMEOUT="${TIMEOUT:-$((600 + MESSAGES / 5))}"

lib_init
WORK="$(mktemp -d -t infolettre-bench.XXXXXX)"
# The work folder holds the evidence (app log, GC log, JFR): keep it when the run failed.
on_exit 'if [ "$EXIT_CODE" != 0 ]; then log "work folder kept: $WORK"; elif [ "$KEEP" != 1 ]; then rm -rf "$WORK"; fi'

# ------------------------------------------------------------------ 1. the SMTP limit
# The same run measures the limit, so that the ratio compares numbers taken under the same load.
measure_smtp_limit() {
  local tool="$SHARED_TOOLS/smtp-limit.sh" port tsv="$WORK/smtp-limit.tsv"
  [ -f "$tool" ] || die "smtp-limit.sh not found in $SHARED_TOOLS (set SHARED_TOOLS)"
  port="$(free_port 3)"   # smtp-limit uses PORT, PORT+1 and PORT+2
  log "measuring the SMTP limit (smtp-limit.sh, $SMTP_LIMIT_MESSAGES messages, reuse/new-conn x 1 and 4 sessions) ..."
  bash "$tool" --runs 1 --sessions "1 4" --no-baseline --no-synthetic --messages "$SMTP_LIMIT_MESSAGES" \
    --port "$port" --tsv "$tsv" >"$WORK/smtp-limit.out" 2>&1 \
    || { cat "$WORK/smtp-limit.out" >&2; die "smtp-limit.sh failed"; }
  sed 's/^/  | /' "$WORK/smtp-limit.out" >&2
  # TSV columns: run, label, sessions, msgs/conn, messages, seconds, msg/s, MB/s
  SMTP_LIMIT="$(awk -F'\t' '$2 ~ /^reuse/ && $7 > m { m = $7 } END { printf "%.0f", m }' "$tsv")"
  SMTP_LIMIT_1="$(awk -F'\t' '$2 ~ /^reuse/ && $3 == 1 { printf "%.0f", $7 }' "$tsv")"
  [ "${SMTP_LIMIT:-0}" -gt 0 ] || die "no reuse measurement in $tsv"
  log "SMTP limit: best reuse ${SMTP_LIMIT} msg/s; reuse with 1 session ${SMTP_LIMIT_1} msg/s"
}

# ------------------------------------------------------------------ 2. sink + application
start_smtp_sink() {
  SINK_PORT="$(free_port 1)"
  local user=()
  [ "$(id -u)" = 0 ] && user=(-u nobody)   # smtp-sink refuses to run as root without -u
  # -c: running counters on stdout ("... mesg=N" separated by CR), read at the end as a cross-check.
  /usr/sbin/smtp-sink "${user[@]}" -c "127.0.0.1:$SINK_PORT" 1024 </dev/null >"$WORK/smtp-sink.out" 2>&1 &
  SINK_PID=$!
  on_exit 'stop_pid "$SINK_PID" 5'
  wait_port "$SINK_PORT" 10 || die "smtp-sink did not start on port $SINK_PORT"
  log "smtp-sink (discarding) on 127.0.0.1:$SINK_PORT, pid $SINK_PID"
}

sink_message_count() {  # messages smtp-sink received so far (last "mesg=N" counter)
  tr '\r' '\n' <"$WORK/smtp-sink.out" | sed -n 's/.*mesg=\([0-9]*\).*/\1/p' | tail -1
}

# The MongoDB-wire server in a JVM of its own (as a real MongoDB would be), so that the application's
# -Xmx256m holds the application alone: the embedded server keeps every query's result in memory
# (a count or a freeze over a million subscribers does not fit in 256 MB next to the application).
start_database_process() {
  DB_PORT="$(free_port 1)"
  jar_libs "$WORK/lib"
  java -Xmx6g -cp "$WORK/lib/*" "$REPO/bench/MongoWireServer.java" "$DB_PORT" >"$WORK/database.log" 2>&1 &
  DB_PID=$!
  on_exit 'stop_pid "$DB_PID" 10'
  wait_port "$DB_PORT" 60 || { cat "$WORK/database.log" >&2; die "the database process did not start"; }
  log "MongoDB-wire server in its own process on 127.0.0.1:$DB_PORT (pid $DB_PID, -Xmx6g)"
  APP_ARGS+=("--spring.mongodb.uri=mongodb://127.0.0.1:$DB_PORT/newsletter")
}

start_app() {
  local jvm=(-Xmx256m "-Xlog:gc:file=$WORK/gc.log")
  if [ "$PROFILE" = 1 ]; then
    jvm+=("-XX:StartFlightRecording=name=bench,filename=$WORK/send.jfr,settings=profile")
  fi
  # shellcheck disable=SC2206  # BENCH_JAVA_OPTS is a space-separated option list on purpose
  [ -n "${BENCH_JAVA_OPTS:-}" ] && jvm+=(${BENCH_JAVA_OPTS})
  app_start "$WORK/data" "$SINK_PORT" "$WORK/app.log" "${jvm[@]}" -- \
    --newsletter.demo.enabled=false "${APP_ARGS[@]}"
  app_wait_ready 180
  log "application ready (pid $APP_PID)"
}

# ------------------------------------------------------------------ 3. subscribers and issue
# write_subscriber_batches LIST BATCH_DIR SECTORS_JSON: the subscriber batches as JSON files
# BATCH_DIR/batch-NNN.json, N subscribers in all,
# all in list LIST. French and Québécois names with accents; e-mail addresses are ASCII and unique;
# sectors taken in turn from SECTORS_JSON, the choices the platform offers.
write_subscriber_batches() {
  "$PY" - "$MESSAGES" "$BATCH" "$1" "$2" "$3" <<'PY'
import json, os, sys, unicodedata
n, batch, list_name, out, sectors = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], json.loads(sys.argv[5])
first = ["Amélie", "François", "Hélène", "Jérôme", "Zoé", "Noël", "Maëlle", "Loïc", "Béatrice", "Geneviève",
         "Josée", "Stéphane", "Frédéric", "Mélanie", "Léa", "Émile", "Gaëtan", "Anaïs", "Céline", "Rémi",
         "Valérie", "Sébastien", "André", "Thérèse", "Édouard", "Ève", "Chloé", "Raphaël", "Benoît", "Marie-Ève",
         "Jean-François", "Cécile", "Gérald", "Réjean", "Ginette", "Aurélie", "Félix", "Inès"]
last = ["Tremblay", "Côté", "Bélanger", "Gagné", "Lévesque", "Bergeron", "Pelletier", "Gauthier", "Bouchard",
        "Lefèvre", "Ménard", "Dupré", "Brûlé", "Laflèche", "Thériault", "Séguin", "Fréchette", "Giguère",
        "Désilets", "Hébert", "Bœuf", "Château", "Gélinas", "Lévêque", "Paré", "Poulain", "Bérubé"]
companies = ["Aluminerie du Fjord inc.", "Érablière Côté & fils", "Boulangerie Saint-Honoré", "Scierie Péribonka ltée",
             "Chocolaterie des Pères", "Métallurgie Hébert", "Transport Lévesque", "Café l’Entracte",
             "Fromagerie Perron", "Société d’énergie du Lac", None]
def ascii(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s.replace("œ", "oe").replace("Œ", "Oe"))
                   if not unicodedata.combining(c)).lower().replace(" ", "-")
os.makedirs(out, exist_ok=True)
for b, start in enumerate(range(0, n, batch)):
    items = []
    for i in range(start, min(n, start + batch)):
        f, l = first[i % len(first)], last[(i // len(first)) % len(last)]
        c = companies[i % len(companies)]
        item = {"email": f"{ascii(f)}.{ascii(l)}.{i:06d}@membres.example.net", "firstName": f, "lastName": l,
                "language": "fr", "lists": [list_name], "attributes": {"secteur": sectors[i % len(sectors)]}}
        if c:
            item["company"] = c
        items.append(item)
    with open(os.path.join(out, f"batch-{b:03d}.json"), "w", encoding="utf-8") as fh:
        json.dump(items, fh, ensure_ascii=False)
PY
}

# The sector is a choice attribute: a value the platform does not offer is refused, so the seed
# takes the platform's own choices rather than a list of its own that would drift from them.
sector_choices() {
  local choices
  choices="$(api GET /api/v1/attributes/secteur | json 'j["choices"]')" || die "GET /api/v1/attributes/secteur failed"
  [ "$(json 'len(j)' <<<"$choices")" -gt 0 ] || die "the attribute 'secteur' offers no choices: $choices"
  echo "$choices"
}

seed_subscribers() {
  local list="$1" dir="$WORK/batches" f resp added received invalid total=0 t0
  write_subscriber_batches "$list" "$dir" "$(sector_choices)"
  t0=$(date +%s.%N)
  for f in "$dir"/batch-*.json; do
    resp="$(api POST /api/v1/subscribers "$f")" || die "POST /api/v1/subscribers failed ($f)"
    read -r received added invalid < <(json '"%d %d %d" % (j["received"], j["added"], len(j["invalid"]))' <<<"$resp")
    [ "$invalid" = 0 ] && [ "$added" = "$received" ] \
      || die "batch $f: received $received, added $added, invalid: $(json 'j["invalid"][:5]' <<<"$resp")"
    total=$((total + added))
  done
  [ "$total" = "$MESSAGES" ] || die "seeded $total subscribers, expected $MESSAGES"
  log "seeded $total subscribers in list '$list' in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
}

# upload_bench_image: the committed test photo (1600 x 1000, EXIF GPS) into the media library; prints its id.
upload_bench_image() {
  local out code
  out="$(mktemp)"
  code="$(curl -sS -u "admin:$APP_PASSWORD" -H 'Accept: application/json' -H 'X-Requested-With: bench' -o "$out" \
    -w '%{http_code}' -F "file=@$REPO/newsletter-web/src/test/resources/media/photo-gps.jpg" \
    "http://127.0.0.1:$APP_PORT/api/v1/media")" || { rm -f "$out"; return 1; }
  [[ "$code" == 2* ]] || { log "POST /api/v1/media -> HTTP $code: $(head -c 500 "$out")"; rm -f "$out"; return 1; }
  json 'j["id"]' <"$out"
  rm -f "$out"
}

# The issue: a Markdown body of several sections (headings, paragraphs, lists, links, a quote),
# personalised with firstName/company, sized so that one rendered message is ~25 KB like
# smtp-limit.sh's sample (checked with mail-sink: 25.3-25.8 KB per message, the sample is 24.9 KB).
write_issue_json() {
  "$PY" - "$1" "$2" "${3:-markdown}" "${4:-}" <<'PY'
import json, sys
list_name, out, content, media_id = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
sections = [
    ("Bilan du premier semestre", "https://exemple.ca/nouvelles/bilan-semestre",
     "Le conseil d’administration a présenté mardi le bilan des six premiers mois : 42 nouvelles entreprises "
     "membres, une hausse de 12 % de la participation aux activités et trois partenariats régionaux signés. "
     "Les états financiers détaillés sont accessibles dans l’espace membre."),
    ("Énergie : le nouveau tarif industriel expliqué", "https://exemple.ca/dossiers/tarif-industriel",
     "Le tarif L change au 1er avril. Nous avons préparé, avec deux ingénieures de l’Université du Québec à "
     "Chicoutimi, une grille qui montre l’effet réel sur la facture selon le profil de consommation. "
     "Les entreprises qui déplacent leur charge la nuit économisent jusqu’à 8 %."),
    ("Main-d’œuvre : le programme de stages d’été", "https://exemple.ca/emploi/stages-ete",
     "Vingt-sept cégépiens et universitaires cherchent un stage rémunéré de douze semaines. Le programme "
     "rembourse la moitié du salaire, et l’Association s’occupe de l’affichage, des entrevues et du suivi. "
     "Inscrivez votre poste avant le 15 mai pour être jumelé dès la première ronde."),
    ("Formation : santé et sécurité en usine", "https://exemple.ca/formations/sst-usine",
     "Une journée pratique sur le cadenassage, la gestion des espaces clos et la prévention des chutes, "
     "donnée en français à Alma, à Roberval et à Saguenay. Les places sont limitées à vingt personnes par "
     "session ; le dîner est offert et une attestation est remise à la fin de la journée."),
    ("Exportation : mission commerciale à Lyon", "https://exemple.ca/missions/lyon",
     "Du 9 au 14 octobre, une délégation de douze entreprises rencontrera des donneurs d’ordre de la région "
     "Auvergne-Rhône-Alpes. Rencontres d’affaires préparées, visites d’usines et accompagnement d’une "
     "conseillère en commerce international : le programme complet et les frais sont en ligne."),
    ("Portrait de membre : la Fromagerie Perron", "https://exemple.ca/portraits/fromagerie-perron",
     "Cinquième génération, nouvelle cave d’affinage et un cheddar vieilli deux ans primé à Montréal : "
     "rencontre avec une entreprise familiale de Saint-Prime qui exporte désormais en Europe. « Le secret, "
     "c’est la patience et le lait de nos voisins », résume la directrice générale."),
    ("Environnement : subventions pour l’efficacité énergétique", "https://exemple.ca/dossiers/efficacite",
     "Jusqu’à 75 % des coûts admissibles d’un projet de récupération de chaleur ou de conversion à "
     "l’électricité peuvent être couverts. Notre conseiller vous aide à monter le dossier, de l’étude "
     "de faisabilité jusqu’à la réclamation finale, sans frais pour les membres."),
    ("Agenda de l’automne", "https://exemple.ca/agenda",
     "Le 5 à 7 de la rentrée aura lieu au Musée du Fjord, le colloque annuel au Centre des congrès de "
     "Jonquière et le tournoi de golf-bénéfice à Chicoutimi. Réservez vos dates dès maintenant : les "
     "invitations détaillées suivront par courriel."),
]
# (the template itself greets the member by first name)
parts = ["Voici l’infolettre du mois pour ${company!'votre entreprise'} : les décisions du conseil, les "
         "programmes qui peuvent vous aider et les rendez-vous à ne pas manquer. Bonne lecture !", ""]
for k, (title, url, text) in enumerate(sections, 1):
    parts += [f"## {k}. {title}", "", text, "",
              "Ce qu’il faut retenir pour ${company!'votre entreprise'} :", "",
              "- les critères d’admissibilité sont simples et publiés ;",
              "- un accompagnement personnalisé est offert aux membres.", "",
              *([f"> {text.split('.')[0]}.", ""] if k % 2 else []),
              f"[Lire le dossier complet]({url}) · [Écrire à l’équipe](https://exemple.ca/contact?sujet={k})", ""]
parts += ["---", "",
          "Merci de votre engagement, ${firstName!'cher membre'}. Vous avez une nouvelle à partager ? "
          "[Proposez-la à la rédaction](https://exemple.ca/redaction).", "",
          "L’équipe de l’Association"]
issue = {"title": "Banc d’essai — infolettre de l’été",
         "subject": "${firstName!'Membre'}, l’infolettre de l’été : énergie, stages et exportation",
         "preheader": "Bilan du semestre, nouveau tarif industriel, stages d’été et agenda de l’automne.",
         "body": "\n".join(parts), "template": "infolettre", "list": list_name}
if content == "blocks":
    # The same words as blocks: what the visual editor saves. One image from the media library.
    retain = ("<ul><li>les critères d’admissibilité sont simples et publiés ;</li>"
              "<li>un accompagnement personnalisé est offert aux membres.</li></ul>")
    blocks = [{"type": "text", "html": "<p>" + parts[0] + "</p>"},
              {"type": "image", "mediaId": media_id, "alt": "Photo de l’assemblée des membres",
               "caption": "L’assemblée des membres au printemps", "link": "https://exemple.ca/galerie"}]
    for k, (title, url, text) in enumerate(sections, 1):
        blocks += [{"type": "heading", "text": f"{k}. {title}"},
                   {"type": "text", "html": f"<p>{text}</p><p>Ce qu’il faut retenir pour "
                    "${company!'votre entreprise'} :</p>" + retain
                    + (f"<blockquote>{text.split('.')[0]}.</blockquote>" if k % 2 else "")},
                   {"type": "button", "label": "Lire le dossier complet", "url": url}]
        if k == 4:
            blocks.append({"type": "event", "title": "5 à 7 de la rentrée", "startsAt": "2027-09-09T17:00",
                           "endsAt": "2027-09-09T19:00", "place": "Musée du Fjord, Saguenay",
                           "price": "Gratuit pour les membres", "html": "<p>Réseautage et bouchées.</p>",
                           "url": "https://exemple.ca/agenda/5a7", "label": "Je m’inscris"})
    blocks += [{"type": "divider"},
               {"type": "text", "html": "<p>Merci de votre engagement, ${firstName!'cher membre'}. Vous avez une "
                "nouvelle à partager ? <a href=\"https://exemple.ca/redaction\">Proposez-la à la rédaction</a>.</p>"
                "<p>L’équipe de l’Association</p>"}]
    issue["variants"] = {"fr": {"subject": issue.pop("subject"), "preheader": issue.pop("preheader"),
                                "blocks": blocks}}
    del issue["body"]
with open(out, "w", encoding="utf-8") as fh:
    json.dump(issue, fh, ensure_ascii=False)
PY
}

# ------------------------------------------------------------------ 4. reading the results
# send_timings LOG ISSUE_ID T_SEND: from the app log, print
#   "<end_epoch|-> <pre_delivery_s|-> <freeze_s|-> <deliver_step_s|->"
# end = the "Issue ID sent" line (logged right after the status becomes SENT); pre-delivery =
# "Executing step: [deliverStep]" minus the send request (Quartz + job start + freezeRecipientsStep).
send_timings() {
  "$PY" - "$1" "$2" "$3" <<'PY'
import re, sys
from datetime import datetime
log, issue, t_send = sys.argv[1], sys.argv[2], float(sys.argv[3])
ts_re = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+(?:Z|[+-]\d\d:?\d\d))")
def epoch(line):
    m = ts_re.match(line)
    return datetime.fromisoformat(m.group(1).replace("Z", "+00:00")).timestamp() if m else None
def duration(text):  # Spring Batch's "1m2s345ms" / "309ms"
    total = 0.0
    for value, unit in re.findall(r"(\d+)(ms|h|m|s)", text):
        total += int(value) * {"h": 3600, "m": 60, "s": 1, "ms": 0.001}[unit]
    return total
end = deliver_start = freeze = deliver = None
for line in open(log, encoding="utf-8", errors="replace"):
    if "Executing step: [deliverStep]" in line and deliver_start is None:
        deliver_start = epoch(line)
    elif "Step: [freezeRecipientsStep] executed in" in line and freeze is None:
        freeze = duration(line.rsplit("executed in", 1)[1])
    elif "Step: [deliverStep] executed in" in line and deliver is None:
        deliver = duration(line.rsplit("executed in", 1)[1])
    elif f"Issue {issue} sent" in line and end is None:
        end = epoch(line)
fmt = lambda v: "-" if v is None else f"{v:.3f}"
print(fmt(end), fmt(None if deliver_start is None else deliver_start - t_send), fmt(freeze), fmt(deliver))
PY
}

# heap_from_gc_log FILE: "<peak_before_gc_mb> <max_after_gc_mb> <gc_count>" from -Xlog:gc lines
#   such as "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 120M->38M(256M) 4.1ms".
#   peak = the most heap in use seen at any pause; after = the most left after a collecting
#   pause (Young, Mixed, Full): Remark/Cleanup pauses free nothing, their "after" is no live size.
heap_from_gc_log() {
  "$PY" - "$1" <<'PY'
import re, sys
unit = {"K": 1 / 1024, "M": 1, "G": 1024}
before, after = [], []
for line in open(sys.argv[1]):
    m = re.search(r"Pause (\w+).*?(\d+)([KMG])->(\d+)([KMG])\(\d+[KMG]\)", line)
    if m:
        before.append(int(m.group(2)) * unit[m.group(3)])
        if m.group(1) in ("Young", "Full"):
            after.append(int(m.group(4)) * unit[m.group(5)])
print(f"{max(before, default=0):.0f} {max(after, default=0):.0f} {len(before)}")
PY
}

# hot_methods JFR T_FROM T_TO: where the time went between T_FROM and T_TO (epoch s, the send
#   window), from the JFR recording: top 25 methods by execution samples (top frame = self time),
#   the innermost application (io.infolettre) frame of those samples, samples per thread, and the
#   native-method samples (threads blocked in native code, e.g. waiting for an SMTP reply), which
#   execution samples do not show. JDK 17's jfr has no "view" command, so `jfr print` text output
#   is aggregated here, streamed (its JSON form is >1 GB for a 5,000-message send).
hot_methods() {
  jfr print --events jdk.ExecutionSample,jdk.NativeMethodSample --stack-depth 64 "$1" \
    | "$PY" -c '
import re, sys, time
from collections import Counter
t0, t1 = float(sys.argv[1]), float(sys.argv[2])
def day_seconds(epoch):   # jfr prints start times as local HH:MM:SS.mmm
    lt = time.localtime(epoch)
    return lt.tm_hour * 3600 + lt.tm_min * 60 + lt.tm_sec + (epoch % 1)
w0, w1 = day_seconds(t0), day_seconds(t1)
if w1 < w0:               # the window crossed midnight
    w1 += 86400
def in_window(ts):
    h, m, sec = ts.split(":")
    x = int(h) * 3600 + int(m) * 60 + float(sec)
    if x < w0 - 43200:
        x += 86400
    return w0 <= x <= w1
frame_re = re.compile(r"^\s+([\w$.<>/]+)\(")   # "pkg.Class.method(args) line: N" -> pkg.Class.method
exec_self, exec_app, exec_threads, native = Counter(), Counter(), Counter(), Counter()
n_exec = n_native = 0
kind = ts = thread = None
frames = []
for line in sys.stdin:
    if line.startswith("jdk.ExecutionSample") or line.startswith("jdk.NativeMethodSample"):
        kind, ts, thread, frames = line.split()[0], None, "?", []
    elif line.startswith("  startTime = "):
        ts = line.split("=", 1)[1].split()[0]
    elif line.startswith("  sampledThread = "):
        thread = re.sub(r"\d+$", "N", line.split("\"")[1])
    elif line.startswith("}") and kind:
        if frames and ts and in_window(ts):
            if kind == "jdk.ExecutionSample":
                n_exec += 1
                exec_self[frames[0]] += 1
                exec_app[next((f for f in frames if f.startswith("io.infolettre")),
                              "(no io.infolettre frame in the recorded 64)")] += 1
                exec_threads[thread] += 1
            elif not frames[0].endswith(("EPoll.wait", "Net.accept")):   # idle server threads
                n_native += 1
                native[(thread, frames[0])] += 1
        kind = None
    elif kind:
        m = frame_re.match(line)
        if m:
            frames.append(m.group(1))
def pct(c, n):
    return f"{100 * c / max(n, 1):5.1f}% {c:6d}"
print(f"JFR execution samples in the send window: {n_exec} (threads running Java code; settings=profile samples every 10-20 ms)")
print("Top 25 hot methods (top frame, self samples):")
for meth, c in exec_self.most_common(25):
    print(f"  {pct(c, n_exec)}  {meth}")
print("Execution samples by innermost io.infolettre frame (which application code the time is under), top 12:")
for meth, c in exec_app.most_common(12):
    print(f"  {pct(c, n_exec)}  {meth}")
print(f"Execution samples by thread (numbers folded to N); ~ s of running Java code at one sample per 10 ms, of a {t1 - t0:.0f} s window:")
for t, c in exec_threads.most_common(8):
    print(f"  {pct(c, n_exec)}  ~{c / 100:6.1f} s  {t}")
print(f"Native-method samples in the send window, idle epoll/accept waits left out: {n_native}"
      " (JFR picks one such thread per 20 ms: shares, not times), top 8 by thread and frame:")
for (t, meth), c in native.most_common(8):
    print(f"  {pct(c, n_native)}  {t}: {meth}")
' "$2" "$3"
}

# ------------------------------------------------------------------ main
main() {
  ensure_tools
  ensure_pkgs postfix
  ensure_jar
  log "work folder: $WORK; load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPU(s)"

  if [ -n "$SMTP_LIMIT_GIVEN" ]; then
    SMTP_LIMIT="$SMTP_LIMIT_GIVEN"; SMTP_LIMIT_1="-"
    log "SMTP limit not measured: using $SMTP_LIMIT msg/s from --skip-smtp-limit"
  else
    measure_smtp_limit
  fi

  start_smtp_sink
  [ "$DB_PROCESS" = 1 ] && start_database_process
  start_app

  local list="bench-$(date +%Y%m%d%H%M%S)-$$" issue_id doc rc t_send t_polled
  seed_subscribers "$list"
  local media_id=""
  if [ "$CONTENT" = blocks ]; then
    media_id="$(upload_bench_image)" || die "uploading the issue's image failed"
  fi
  write_issue_json "$list" "$WORK/issue.json" "$CONTENT" "$media_id"
  doc="$(api POST /api/v1/issues "$WORK/issue.json")" || die "creating the issue failed"
  issue_id="$(json 'j["id"]' <<<"$doc")"
  log "issue $issue_id created ($(json 'j["status"]' <<<"$doc")); sending $MESSAGES messages ..."

  t_send=$(date +%s.%N)
  api POST "/api/v1/issues/$issue_id/send" >/dev/null || die "POST /api/v1/issues/$issue_id/send was refused"
  rc=0
  doc="$(issue_wait_done "$issue_id" "$TIMEOUT" "$POLL" "$STALL")" || rc=$?
  t_polled=$(date +%s.%N)
  case "$rc" in
    0) ;;
    1) tail -30 "$WORK/app.log" >&2
       die "issue $issue_id FAILED: $(json 'j.get("failureReason")' <<<"$doc"); progress $(json 'j["progress"]' <<<"$doc")" ;;
    3) tail -30 "$WORK/app.log" >&2
       die "the application process ended during the send (see the log above; status last seen: $(json 'j.get("status")' <<<"$doc"), progress $(json 'j.get("progress")' <<<"$doc"))" ;;
    *) tail -30 "$WORK/app.log" >&2
       die "issue $issue_id not SENT (timeout ${TIMEOUT}s or no progress for ${STALL}s): status $(json 'j["status"]' <<<"$doc"), progress $(json 'j["progress"]' <<<"$doc")" ;;
  esac

  local sent failed skipped total sink_count
  read -r total sent failed skipped < <(json '"%(total)d %(sent)d %(failed)d %(skipped)d" % j["progress"]' <<<"$doc")
  sink_count="$(sink_message_count)"
  [ "$sent" = "$MESSAGES" ] || die "SENT with $sent of $MESSAGES sent (total $total, failed $failed, skipped $skipped)"

  local t_end pre freeze deliver src="app log line 'Issue … sent'"
  read -r t_end pre freeze deliver < <(send_timings "$APP_LOG" "$issue_id" "$t_send")
  if [ "$t_end" = "-" ]; then t_end="$t_polled"; src="first poll that saw SENT (±${POLL}s)"; fi
  local elapsed rate
  elapsed="$(awk -v a="$t_send" -v b="$t_end" 'BEGIN { printf "%.3f", b - a }')"
  rate="$(awk -v n="$MESSAGES" -v d="$elapsed" 'BEGIN { printf "%.0f", n / d }')"

  if [ "$PROFILE" = 1 ]; then   # dump while the JVM is up (no reliance on dump-on-exit)
    jcmd "$APP_PID" JFR.dump name=bench filename="$WORK/send.jfr" >/dev/null || log "JFR.dump failed"
  fi
  app_stop   # GC log complete; frees the CPU for the analysis below

  local peak after gcs
  read -r peak after gcs < <(heap_from_gc_log "$WORK/gc.log")

  echo
  echo "== Infolettre send benchmark: $MESSAGES messages, -Xmx256m, $(nproc) CPU(s), load average now $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "send request -> SENT:           ${elapsed} s  => ${rate} msg/s   (end taken from the $src)"
  echo "  before the first message:     ${pre} s  (send request -> 'Executing step: [deliverStep]'; Quartz, job start, freezing)"
  echo "  freezeRecipientsStep:         ${freeze} s  (Spring Batch's own timing)"
  echo "  deliverStep:                  ${deliver} s"
  echo "progress:                       total $total, sent $sent, failed $failed, skipped $skipped; smtp-sink counted ${sink_count:-?} messages"
  echo "SMTP limit (smtp-limit.sh):     best reuse ${SMTP_LIMIT} msg/s; reuse 1 session ${SMTP_LIMIT_1} msg/s"
  echo "heap (from the GC log):         peak in use ${peak} MB (max before any GC pause), max left after a collecting pause ${after} MB, ${gcs} pauses (whole run incl. startup and seeding)"
  if [ "$PROFILE" = 1 ]; then
    echo
    if [ -s "$WORK/send.jfr" ]; then hot_methods "$WORK/send.jfr" "$t_send" "$t_end"; else echo "no JFR recording"; fi
    KEEP=1   # the recording is the point of --profile
  fi
  [ "$KEEP" = 1 ] && echo "work folder kept (app log, GC log, JFR): $WORK"
  echo
  echo "RESULT content=$CONTENT send_msgs_per_s=$rate smtp_limit_msgs_per_s=$SMTP_LIMIT ratio=$(awk -v a="$rate" -v b="$SMTP_LIMIT" 'BEGIN { printf "%.2f", a / b }') heap_peak_mb=$peak heap_live_mb=$after"
}

main
