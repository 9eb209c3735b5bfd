// The Lua scripts that keep a session, its version and the status index in step: Redis runs each
// one atomically, so no other client sees (or writes between) the read of the version and the write.
import { PLAYBACK_STATUSES } from '@vast/session';

/** `{created = 1, loading = 2, ...}`: a status's position among the index keys a script is given. */
const STATUS_POSITION = `local STATUS = {${PLAYBACK_STATUSES.map((status, i) => `${status} = ${i + 1}`).join(', ')}}`;

/**
 * Saves a session. KEYS: the session's hash, the version counter, then one index per status (in
 * the order of `PLAYBACK_STATUSES`). ARGV: id, JSON text, status, TTL (ms), expected version (`-1`:
 * unchecked), index TTL (ms). Versions come from one counter, so a version is never reused (a
 * session deleted and saved again does not match a version read before); the first version is the
 * session's score in its index (first-put order). Returns `{1, newVersion}` or `{0, versionFound}`.
 * @internal
 */
export const PUT_SCRIPT = `${STATUS_POSITION}
local current = redis.call('HMGET', KEYS[1], 'v', 'st', 'seq')
local version = tonumber(current[1]) or 0
local expected = tonumber(ARGV[5])
if expected >= 0 and version ~= expected then return {0, version} end
local written = redis.call('INCR', KEYS[2])
local seq = tonumber(current[3]) or written
local old = current[2]
if old and old ~= ARGV[3] and STATUS[old] then redis.call('ZREM', KEYS[2 + STATUS[old]], ARGV[1]) end
local index = KEYS[2 + STATUS[ARGV[3]]]
redis.call('ZADD', index, seq, ARGV[1])
redis.call('PEXPIRE', index, ARGV[6])
redis.call('HSET', KEYS[1], 'json', ARGV[2], 'v', written, 'st', ARGV[3], 'seq', seq)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {1, written}`;

/**
 * Deletes a session and its index entry. KEYS: the session's hash, then one index per status.
 * ARGV: id. Returns 1 if there was a session.
 * @internal
 */
export const DELETE_SCRIPT = `${STATUS_POSITION}
local status = redis.call('HGET', KEYS[1], 'st')
local removed = redis.call('DEL', KEYS[1])
if status and STATUS[status] then redis.call('ZREM', KEYS[1 + STATUS[status]], ARGV[1]) end
return removed`;

/**
 * Lists a status's sessions in index order, dropping the index entries whose session expired (or
 * left that status without the index knowing: expired, then saved again with another status).
 * KEYS: the status's index. ARGV: the prefix of session keys, the status. Returns
 * `{json1, version1, json2, version2, ...}`. It reads session keys it builds from the prefix, as
 * their ids are in the index: fine on one Redis; on a Cluster, the prefix needs a hash tag.
 * @internal
 */
export const LIST_SCRIPT = `local ids = redis.call('ZRANGE', KEYS[1], 0, -1)
local out = {}
for _, id in ipairs(ids) do
  local fields = redis.call('HMGET', ARGV[1] .. id, 'json', 'v', 'st')
  if fields[1] and fields[3] == ARGV[2] then
    out[#out + 1] = fields[1]
    out[#out + 1] = fields[2] or '0'
  else
    redis.call('ZREM', KEYS[1], id)
  end
end
return out`;
