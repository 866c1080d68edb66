#!/usr/bin/env bash
# Back up and restore the FileStorage and its blobs (make backup, make restore).
#
#   scripts/backup.sh backup    repozo: a full backup the first time and after
#                               a pack, incremental otherwise; then a snapshot
#                               of the blobs (unchanged blobs hard-linked to
#                               the previous snapshot); keeps BACKUP_KEEP full
#                               backups with their increments and snapshots.
#   scripts/backup.sh restore   the storage as at the latest backup, or at
#                               RESTORE_DATE (YYYY-MM-DD[-HH[-MM[-SS]]], UTC);
#                               the portal must be stopped. The current
#                               Data.fs and blobs are moved aside, not deleted.
#
# Environment: VAR (instance/var), BACKUP_DIR ($VAR/backups), BACKUP_KEEP (7),
# RESTORE_DATE, REPOZO (.venv/bin/repozo).
set -euo pipefail

VAR=${VAR:-instance/var}
BACKUP_DIR=${BACKUP_DIR:-$VAR/backups}
BACKUP_KEEP=${BACKUP_KEEP:-7}
REPOZO=${REPOZO:-.venv/bin/repozo}
DATA_FS="$VAR/filestorage/Data.fs"
BLOBS="$VAR/blobstorage"
FS_BACKUPS="$BACKUP_DIR/filestorage"
BLOB_BACKUPS="$BACKUP_DIR/blobstorage"

# repozo names its files after the UTC time: 2026-12-03-11-40-05.fs
stamp_of() { basename "$1" | cut -c1-19; }

backup() {
    [ -f "$DATA_FS" ] || { echo "backup: no $DATA_FS" >&2; exit 1; }
    mkdir -p "$FS_BACKUPS" "$BLOB_BACKUPS"
    "$REPOZO" --backup --quick --repository "$FS_BACKUPS" --file "$DATA_FS"
    local newest stamp previous
    newest=$(ls "$FS_BACKUPS" | grep -E '\.(fs|deltafs)$' | sort | tail -n 1)
    stamp=$(stamp_of "$newest")
    previous=$(ls "$BLOB_BACKUPS" | sort | tail -n 1)
    # Blobs are never changed once written: a snapshot made after the
    # storage's backup holds every blob that backup refers to.
    if [ -n "$previous" ] && [ "$previous" != "$stamp" ]; then
        cp -al "$BLOB_BACKUPS/$previous" "$BLOB_BACKUPS/$stamp"
    fi
    mkdir -p "$BLOB_BACKUPS/$stamp"
    if [ -d "$BLOBS" ]; then
        cp -a -n "$BLOBS/." "$BLOB_BACKUPS/$stamp/"
    fi
    prune
    echo "backup: $FS_BACKUPS/$newest and $BLOB_BACKUPS/$stamp"
}

prune() {
    # Keep the newest BACKUP_KEEP full backups and everything after the
    # oldest of them.
    local fulls oldest name
    fulls=$(ls "$FS_BACKUPS" | grep -E '\.fs$' | sort | tail -n "$BACKUP_KEEP")
    oldest=$(stamp_of "$(echo "$fulls" | head -n 1)")
    for name in $(ls "$FS_BACKUPS"); do
        if [[ "$(stamp_of "$name")" < "$oldest" ]]; then
            rm -f "$FS_BACKUPS/$name"
        fi
    done
    for name in $(ls "$BLOB_BACKUPS"); do
        if [[ "$name" < "$oldest" ]]; then
            rm -rf "${BLOB_BACKUPS:?}/$name"
        fi
    done
}

restore() {
    [ -d "$FS_BACKUPS" ] || { echo "restore: no backups in $BACKUP_DIR" >&2; exit 1; }
    local date_args=() moved snapshot limit name
    limit="9999"
    if [ -n "${RESTORE_DATE:-}" ]; then
        date_args=(--date "$RESTORE_DATE")
        limit="$RESTORE_DATE-99-99-99"
        limit=${limit:0:19}
    fi
    snapshot=""
    for name in $(ls "$BLOB_BACKUPS" | sort); do
        if [[ ! "$name" > "$limit" ]]; then snapshot=$name; fi
    done
    [ -n "$snapshot" ] || { echo "restore: no blob snapshot at or before ${RESTORE_DATE:-now}" >&2; exit 1; }
    moved="before-restore-$(date -u +%Y-%m-%d-%H-%M-%S)"
    mkdir -p "$VAR/$moved"
    for name in Data.fs Data.fs.index Data.fs.tmp Data.fs.lock; do
        if [ -e "$VAR/filestorage/$name" ]; then mv "$VAR/filestorage/$name" "$VAR/$moved/"; fi
    done
    if [ -d "$BLOBS" ]; then mv "$BLOBS" "$VAR/$moved/blobstorage"; fi
    mkdir -p "$VAR/filestorage"
    "$REPOZO" --recover --repository "$FS_BACKUPS" --output "$DATA_FS" "${date_args[@]}"
    cp -a "$BLOB_BACKUPS/$snapshot" "$BLOBS"
    echo "restore: $DATA_FS and $BLOBS as at $snapshot; the previous data is in $VAR/$moved"
}

case "${1:-}" in
    backup) backup ;;
    restore) restore ;;
    *) echo "usage: $0 backup|restore" >&2; exit 2 ;;
esac
