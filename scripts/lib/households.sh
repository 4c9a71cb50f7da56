#!/usr/bin/env bash
# Generated residents for the demo: a leader's order spreadsheet (the CSV `leader import` reads) and
# the payment lines that go with it (`leader pay-all`). Deterministic: the same N gives the same
# households. Sourced after scripts/lib/cli.sh (for h64).

GB_SURNAMES=(Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo)
GB_GIVEN=(Fang Wei Min Jing Lei Yan Jun Hui Qiang Ping Xiu Ying Tao Hong Bo Na Chao Lan Gang Mei Yun Hao Li Dan)

# household_sheet N FILE SKU:MAX... : N households H-001.., an offline column; H-017 is an elderly
# resident without a smartphone. Quantities vary per household (0..MAX), never an empty order.
household_sheet() {
  local n="$1" file="$2"; shift 2
  local skus=("$@") header="household,name,phone,address" i s
  for s in "${skus[@]}"; do header+=",${s%%:*}"; done
  printf '%s,offline\n' "$header" >"$file"
  for ((i = 1; i <= n; i++)); do
    local h name phone address line qty any=0 k=0
    h=$(printf 'H-%03d' "$i")
    name="${GB_SURNAMES[$(( (i * 7) % ${#GB_SURNAMES[@]} ))]} ${GB_GIVEN[$(( (i * 11 + 3) % ${#GB_GIVEN[@]} ))]}"
    phone=$(printf '1%d%08d' $(( 35 + (i % 5) )) $(( (i * 7919 + 1234567) % 100000000 )))
    address="Building $(( (i - 1) / 12 + 1 )) Room $(( ( (i - 1) % 6 + 1) * 100 + (i - 1) % 2 + 1 ))"
    line="$h,$name,$phone,$address"
    for s in "${skus[@]}"; do
      qty=$(( (i * 7 + k * 5 + i / 4) % (${s##*:} + 1) ))
      ((qty > 0)) && any=1
      line+=",$qty"; k=$((k + 1))
    done
    if ((any == 0)); then line="${line%,*},1"; fi
    [[ "$h" == H-017 ]] && line+=",yes" || line+=",no"
    printf '%s\n' "$line" >>"$file"
  done
}

# sheet_amounts SHEET SKU:PRICE... -> lines 'household,amountCents' (quantity x unit price)
sheet_amounts() {
  local file="$1"; shift
  local prices="" p
  for p in "$@"; do prices+="${p%%:*}=${p##*:};"; done
  awk -F, -v prices="$prices" 'BEGIN { n = split(prices, kv, ";"); for (i = 1; i <= n; i++) { split(kv[i], a, "="); price[a[1]] = a[2] } }
    NR == 1 { for (c = 5; c <= NF; c++) col[c] = $c; next }
    { total = 0; for (c = 5; c <= NF; c++) if (col[c] in price) total += $c * price[col[c]]; print $1 "," total }' "$file"
}

# sheet_total SHEET SKU -> total quantity of SKU ordered in the sheet
sheet_total() {
  awk -F, -v sku="$2" 'NR == 1 { for (c = 1; c <= NF; c++) if ($c == sku) col = c; next } { t += $col } END { print t + 0 }' "$1"
}

# money_lines AMOUNTS KIND -> 'household,amountCents,refHash' lines (KIND names the reference: pay, refund)
money_lines() {
  local h a
  echo "household,amountCents,refHash"
  while IFS=, read -r h a; do
    printf '%s,%s,%s\n' "$h" "$a" "$(h64 "$2 $h $a $RANDOM")"
  done <"$1"
}

# bench_sheet FILE N PREFIX: N households PREFIX-00001.. ordering rice (1-2) and eggs (0-1), for the
# benchmarks' group buys (open_bench_gb); fast (awk) for tens of thousands of rows
bench_sheet() {
  awk -v n="$2" -v p="$3" 'BEGIN { print "household,name,phone,address,RICE-5KG,EGGS-30";
    for (i = 1; i <= n; i++) printf "%s-%05d,Resident %d,138%08d,Building %d Room %d,%d,%s\n", p, i, i, i, i % 50 + 1, i % 400 + 100, i % 2 + 1, (i % 3 ? "1" : "") }' >"$1"
}
