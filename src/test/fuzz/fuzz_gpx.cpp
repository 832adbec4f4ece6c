// libFuzzer target: the GPX scanner behind the Java reader (logs/gpx_scanner, drivelog_gpx_scan).
// The first bytes draw the layout (zone, segment split), the batch size and where the text is cut
// into two calls; the rest is the text. Held: it never reads past the text, stops for good only once
// (and then at the same place however the text was cut), keeps its stack and replay in range, gives
// points finite times and positions with nondecreasing lines, takes nothing at all from a text whose
// start it did not accept, and fed in two pieces (and in batches) gives the same entries, bit for
// bit, the same position and the same replay as fed whole.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "logs/gpx_scanner.hpp"
#include "require.hpp"

namespace {

using drivelog::fuzz::require;
using drivelog::logs::GpxEntry;
using drivelog::logs::GpxLayout;
using drivelog::logs::GpxScanState;
using drivelog::logs::GpxStop;

struct Entry {
  GpxEntry kind;
  double time, lat, lon;
  float speed, heading, accuracy;
  std::int64_t line;
  bool operator==(const Entry& o) const {
    const auto same = [](auto a, auto b) { return std::memcmp(&a, &b, sizeof a) == 0; };
    return kind == o.kind && same(time, o.time) && same(lat, o.lat) && same(lon, o.lon) && same(speed, o.speed) &&
           same(heading, o.heading) && same(accuracy, o.accuracy) && line == o.line;
  }
};

struct Outcome {
  std::vector<Entry> entries;
  std::size_t bytes = 0;  // where it stopped for good, or how far it read
  bool handed_back = false;
  std::int64_t line_breaks = 0;
  std::string replay;
};

// Feeds text in the pieces [0, cut) and then the rest as a Java reader would (keeping what was not
// taken), batch entries at a time.
Outcome feed(std::string_view text, std::size_t cut, std::size_t batch, const GpxLayout& layout) {
  auto state = std::make_unique<GpxScanState>();
  std::vector<double> time(batch), lat(batch), lon(batch);
  std::vector<float> speed(batch), heading(batch), accuracy(batch);
  std::vector<std::int64_t> line(batch);
  std::vector<GpxEntry> entry(batch);
  const drivelog::logs::GpxRows rows{batch,          time.data(),     lat.data(),  lon.data(),  speed.data(),
                                     heading.data(), accuracy.data(), line.data(), entry.data()};
  Outcome out;
  std::size_t at = 0;
  for (std::size_t available : {cut, text.size()}) {
    for (int calls = 0;; ++calls) {
      require(calls < 1'000'000, "the scan makes progress");
      const auto r = drivelog::logs::scan_gpx(text.substr(at, available - at), layout, *state, rows);
      require(r.bytes <= available - at && r.entries <= batch, "within the text and the batch");
      for (std::size_t i = 0; i < r.entries; ++i) {
        if (entry[i] == GpxEntry::point) {
          require(std::isfinite(time[i]) && std::isfinite(lat[i]) && std::isfinite(lon[i]), "finite point");
          require(out.entries.empty() || line[i] >= out.entries.back().line, "lines in order");
          out.entries.push_back({entry[i], time[i], lat[i], lon[i], speed[i], heading[i], accuracy[i], line[i]});
        } else {
          require(entry[i] == GpxEntry::boundary && layout.split_segments, "a boundary only when split");
          out.entries.push_back({entry[i], 0, 0, 0, 0, 0, 0, out.entries.empty() ? 0 : out.entries.back().line});
        }
      }
      at += r.bytes;
      require(state->depth >= 0 && state->depth <= drivelog::logs::kGpxMaxDepth, "depth in range");
      require(state->replay_bytes >= 0 && state->replay_bytes <= drivelog::logs::kGpxMaxTagBytes, "replay in range");
      require(state->phase != 1 || state->depth >= 1, "the root is open inside it");
      if (r.stop == GpxStop::hand_back) {
        require(state->phase == 2, "stopped for good");
        out.handed_back = true;
        break;
      }
      if (r.stop == GpxStop::more) break;
      require(r.entries == batch, "full means full");
    }
    if (out.handed_back) break;
  }
  out.bytes = at;
  out.line_breaks = state->line_breaks;
  out.replay.assign(state->tags, static_cast<std::size_t>(state->replay_bytes));
  require(out.replay.find('\n') == std::string::npos && out.replay.find('\r') == std::string::npos,
          "the replay is one line");
  if (state->phase != 1) require(out.bytes == 0 || state->depth >= 1, "nothing taken before the root");
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  GpxLayout layout;
  layout.zone_is_utc = (data[0] & 1) != 0;
  layout.split_segments = (data[0] & 2) != 0;
  layout.hdop_uere_m = (data[0] & 4) != 0 ? 5.0 : 3.3;
  const std::size_t batch = 1 + data[1] % 8;
  const std::string text(reinterpret_cast<const char*>(data) + 3, size - 3);
  const std::size_t cut = text.empty() ? 0 : data[2] % (text.size() + 1);
  const Outcome whole = feed(text, text.size(), 1024, layout);
  const Outcome pieces = feed(text, cut, batch, layout);
  require(whole.entries == pieces.entries, "the same entries in pieces and batches");
  require(whole.bytes == pieces.bytes && whole.handed_back == pieces.handed_back, "the same stop");
  require(whole.line_breaks == pieces.line_breaks && whole.replay == pieces.replay, "the same state");
  return 0;
}
