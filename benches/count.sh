#!/usr/bin/env bash
# Instructions per call of every case in benches/count.rs, each against its group's baseline in
# the same run, counted by callgrind: repeatable on a shared machine, unlike wall time.
#
# Usage: bash benches/count.sh [filter]   (the groups with a `group/case` containing filter)
# Needs valgrind (callgrind and callgrind_annotate).
set -euo pipefail

cd "$(dirname "$0")/.."
filter="${1:-}"

for tool in valgrind callgrind_annotate; do
    command -v "$tool" >/dev/null || { echo "count.sh: $tool not found (install valgrind)" >&2; exit 1; }
done

cargo build --release --quiet -p botsession-benches --bin count
bin="${CARGO_TARGET_DIR:-target}/release/count"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$bin" --list "$filter" >"$tmp/manifest"
[ -s "$tmp/manifest" ] || { echo "count.sh: no case matches '$filter'" >&2; exit 1; }

# One process per group: a count then does not depend on the filter or on what ran before.
: >"$tmp/annotate"
for group in $(cut -f3 "$tmp/manifest" | uniq); do
    valgrind --tool=callgrind --callgrind-out-file="$tmp/$group.out" \
        "$bin" --group "$group" >/dev/null 2>"$tmp/valgrind.log" || {
        cat "$tmp/valgrind.log" >&2
        exit 1
    }
    callgrind_annotate --inclusive=yes --threshold=100 "$tmp/$group.out" >>"$tmp/annotate"
done

valgrind --version | sed 's/^/# /'
echo "# $(rustc --version)"
echo "# instructions per call (callgrind Ir, inclusive, divided by the call count n);"
echo "# ratio = instructions / the group's base case"
echo

perl - "$tmp/manifest" "$tmp/annotate" <<'PERL'
use strict;
use warnings;

my ($manifest, $annotate) = @ARGV;

# The inclusive count of each `count::<group>::<case>::run`. A line looks like
# `12,345,678 (1.23%)  /path/count.rs:count::group::case::run [/path/count]`; older
# callgrind_annotate versions print no percentage, and a demangler may keep a `[hash]` after the
# crate name or a `::h<hash>` at the end: all of them are accepted, the largest count kept.
my %ir;
open my $a, '<', $annotate or die "$annotate: $!";
while (my $line = <$a>) {
    next unless $line =~ /^\s*([\d,]+)\s/;
    my $count = $1 =~ tr/,//dr;
    next unless $line =~ /\bcount(?:\[[0-9a-f]+\])?::(\w+)::(\w+)::run(?:::h[0-9a-f]{16})?(?:\s|$)/;
    my $symbol = "$1::$2";
    $ir{$symbol} = $count if !defined $ir{$symbol} || $count > $ir{$symbol};
}

my (@rows, %base);
open my $m, '<', $manifest or die "$manifest: $!";
while (my $line = <$m>) {
    chomp $line;
    my ($tag, $symbol, $group, $case, $is_base, $n) = split /\t/, $line;
    next unless defined $tag && $tag eq 'case';
    die "count.sh: no callgrind count for count::${symbol}::run\n" unless defined $ir{$symbol};
    my $per_call = $ir{$symbol} / $n;
    push @rows, [$group, $case, $is_base, $per_call];
    $base{$group} = $per_call if $is_base eq 'base';
}
die "count.sh: no case matches the filter\n" unless @rows;

sub thousands {
    my $s = sprintf '%.0f', shift;
    1 while $s =~ s/^(\d+)(\d{3})/$1,$2/;
    return $s;
}

my @table = (['group', 'case', 'instructions/call', 'ratio']);
for my $r (@rows) {
    my ($group, $case, $is_base, $per_call) = @$r;
    my $ratio = defined $base{$group} && $base{$group} > 0
        ? sprintf('%.2f', $per_call / $base{$group})
        : '-';
    push @table, [$group, $is_base eq 'base' ? "$case (base)" : $case, thousands($per_call), $ratio];
}
my @width = (0) x 4;
for my $r (@table) {
    for my $i (0 .. 3) {
        $width[$i] = length $r->[$i] if length $r->[$i] > $width[$i];
    }
}
my $previous = '';
for my $k (0 .. $#table) {
    my $r = $table[$k];
    # A group's name once, on its first row.
    my $group = $k > 0 && $r->[0] eq $previous ? '' : $r->[0];
    $previous = $r->[0];
    printf "| %-*s | %-*s | %*s | %*s |\n", $width[0], $group, $width[1], $r->[1],
        $width[2], $r->[2], $width[3], $r->[3];
    printf "|%s|%s|%s:|%s:|\n", '-' x ($width[0] + 2), '-' x ($width[1] + 2),
        '-' x ($width[2] + 1), '-' x ($width[3] + 1) if $k == 0;
}
PERL
