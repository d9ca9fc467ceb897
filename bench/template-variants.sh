# bench/template-variants.sh - shell functions shared by bench/deliverability.sh and scripts/check-mail.sh:
# send the demo issue once per shipped template and language, each capture in its own folder.
#
# Source it after bench/lib.sh, once the application runs (APP_PORT) against mail-sink.sh writing
# into $CAPTURED. Defines functions only:
#   variant_members COUNT     adds COUNT members per language (lists tpl-fr and tpl-en) whose data is
#                             awkward: accents, apostrophes, <script> in a company name, no first
#                             name, very long names
#   template_variants         prints "NAME LANGUAGE" for each usable template that ships with the
#                             application (templates folder or built-in), one per line
#   send_variant NAME LANG DEST
#                             creates the demo issue (bench/deliverability/demo.LANG.md) with that
#                             template and language for list tpl-LANG, sends it, waits until SENT,
#                             moves the captured .eml to DEST and prints how many were sent
# shellcheck shell=bash

VARIANT_CONTENT="$REPO/bench/deliverability"

variant_members() {
  local count="$1" file
  file="$(mktemp)"
  "$PY" - "$count" >"$file" <<'PY'
import json, sys
count = int(sys.argv[1])
people = [
    ("Élise", "Côté-Bélanger", "Usinage Côté-Bélanger inc."),
    ("Luc", "D'Amours", "L'Érablière d'Alma"),
    ("Zoé", "Tremblay", "<script>alert(1)</script> Métal inc."),
    (None, "Gagnon", None),
    ("Marie-Ève-Geneviève-Alexandrine", "Bouchard-Desrosiers-Lavoie-Fortin-Pelletier",
     "Société d'exploitation des ressources forestières et minières du Saguenay–Lac-Saint-Jean ltée"),
]
out = []
for language in ("fr", "en"):
    for i in range(count):
        first, last, company = people[i % len(people)]
        out.append({"email": f"variante-{language}-{i}@membres.exemple.ca", "firstName": first, "lastName": last,
                    "company": company, "language": language, "lists": [f"tpl-{language}"]})
print(json.dumps(out, ensure_ascii=False))
PY
  api POST /api/v1/subscribers "$file" >/dev/null || die "POST /api/v1/subscribers failed"
  rm -f "$file"
}

template_variants() {
  api GET /api/v1/templates | "$PY" -c '
import json, sys
for t in json.load(sys.stdin):
    if t["usable"] and t["origin"] != "UPLOADED":
        for language in t["languages"]:
            print(t["name"], language)'
}

send_variant() {
  local name="$1" language="$2" dest="$3" file id doc rc=0 sent
  file="$(mktemp)"
  "$PY" - "$name" "$language" "$VARIANT_CONTENT/demo.$language.md" >"$file" <<'PY'
import json, sys
name, language, body = sys.argv[1], sys.argv[2], open(sys.argv[3], encoding="utf-8").read()
fr = language != "en"
print(json.dumps({
    "title": ("Infolettre – décembre 2026" if fr else "Newsletter – December 2026") + f" ({name})",
    "subject": "${firstName!'Membre'}, votre infolettre de décembre : formations, événements et avantages" if fr
    else "${firstName!'Member'}, your December newsletter: training, events and benefits",
    "preheader": "5 à 7 des membres le 10 décembre, cohorte Lean de l'hiver et sondage annuel." if fr
    else "Members' evening on December 10, winter Lean cohort and annual survey.",
    "body": body, "template": name, "language": language, "list": f"tpl-{language}"}, ensure_ascii=False))
PY
  id="$(api POST /api/v1/issues "$file" | json 'j["id"]')" || die "creating the $name/$language issue failed"
  rm -f "$file"
  api POST "/api/v1/issues/$id/send" >/dev/null || die "POST /api/v1/issues/$id/send was refused"
  doc="$(issue_wait_done "$id" 300 1)" || rc=$?
  [ "$rc" = 0 ] || { tail -30 "$APP_LOG" >&2; die "issue $id ($name/$language) not SENT: $(json 'j.get("status")' <<<"$doc")"; }
  sent="$(json 'j["progress"]["sent"]' <<<"$doc")"
  # mail-sink renames each .eml into place before it answers 250: all of them are there now
  mkdir -p "$dest"
  find "$CAPTURED" -maxdepth 1 -name '*.eml' -exec mv -t "$dest" {} +
  echo "$sent"
}
