#include "synth/osm_writer.hpp"

#include "synth/tile_generator.hpp"

#include <osmium/builder/osm_object_builder.hpp>
#include <osmium/io/any_output.hpp>
#include <osmium/io/header.hpp>
#include <osmium/io/writer.hpp>
#include <osmium/memory/buffer.hpp>
#include <osmium/osm/box.hpp>
#include <osmium/osm/location.hpp>
#include <osmium/osm/timestamp.hpp>
#include <osmium/thread/pool.hpp>

#include <cmath>
#include <filesystem>
#include <memory>
#include <system_error>
#include <vector>

namespace drivelog::synth {
namespace {

constexpr size_t kBufferBytes = 4 * 1024 * 1024;
constexpr uint32_t kBaseTimestamp = 1'735'689'600;  // 2025-01-01T00:00:00Z
constexpr const char* kUser = "drivelog-synth";

// Dense ids: each tile's objects follow the previous tile's, per type.
struct TileBase {
  uint64_t node = 0;
  uint64_t way = 0;
  uint64_t relation = 0;
};

class StreamingWriter {
 public:
  StreamingWriter(const CountryLayout& layout, const std::string& path, unsigned threads)
      : layout_(layout), pool_(make_pool(threads)), writer_(open(layout, path, pool_.get())) {}

  WriteStats run() {
    const auto& p = layout_.params();
    bases_.resize(static_cast<size_t>(layout_.tile_count()) + 1);
    for (int pass = 0; pass < 3; ++pass) {
      for (int j = 0; j < p.tiles_y; ++j) {
        for (int i = 0; i < p.tiles_x; ++i) {
          const TileModel tile = generate_tile(layout_, i, j);
          const uint32_t index = layout_.tile_index(i, j);
          if (pass == 0) {
            bases_[index + 1] = TileBase{bases_[index].node + tile.nodes.size(), bases_[index].way + tile.ways.size(),
                                         bases_[index].relation + tile.restrictions.size()};
            write_nodes(tile, i, j);
          } else if (pass == 1) {
            write_ways(tile, index);
          } else {
            write_relations(tile, index);
          }
        }
      }
      flush(true);
    }
    writer_->close();
    stats_.tiles = static_cast<uint64_t>(layout_.tile_count());
    return stats_;
  }

 private:
  static std::unique_ptr<osmium::thread::Pool> make_pool(unsigned threads) {
    return threads == 0 ? nullptr : std::make_unique<osmium::thread::Pool>(static_cast<int>(threads));
  }

  static std::unique_ptr<osmium::io::Writer> open(const CountryLayout& layout, const std::string& path,
                                                   osmium::thread::Pool* pool) {
    const auto& p = layout.params();
    osmium::io::Header header;
    header.set("generator", "drivelog-synth");
    header.set("sorting", "Type_then_ID");
    header.add_box(osmium::Box{layout.longitude(0, 0), layout.latitude(0, 0),
                               layout.longitude(p.tiles_x - 1, p.tile_m), layout.latitude(p.tiles_y - 1, p.tile_m)});
    osmium::io::File file{path};
    if (pool != nullptr) {
      return std::make_unique<osmium::io::Writer>(file, header, osmium::io::overwrite::allow, *pool);
    }
    return std::make_unique<osmium::io::Writer>(file, header, osmium::io::overwrite::allow);
  }

  template <typename TBuilder>
  void set_meta(TBuilder& b, uint64_t id, uint32_t tile) {
    b.set_id(static_cast<osmium::object_id_type>(id))
        .set_version(1)
        .set_changeset(static_cast<osmium::changeset_id_type>(tile + 1))
        .set_timestamp(osmium::Timestamp{kBaseTimestamp + tile * 60})
        .set_uid(1);
    b.set_user(kUser);
  }

  static void add_tags(osmium::builder::Builder& parent, const Tags& tags) {
    if (tags.empty()) return;
    osmium::builder::TagListBuilder t{parent};
    for (const auto& [key, value] : tags) t.add_tag(key, value);
  }

  void write_nodes(const TileModel& tile, int i, int j) {
    const uint32_t index = layout_.tile_index(i, j);
    const uint64_t base = bases_[index].node;
    for (size_t n = 0; n < tile.nodes.size(); ++n) {
      const auto& node = tile.nodes[n];
      {
        osmium::builder::NodeBuilder b{buffer_};
        set_meta(b, base + n + 1, index);
        const auto lon = static_cast<int32_t>(std::lround(layout_.longitude(i, node.x_m) * 1e7));
        const auto lat = static_cast<int32_t>(std::lround(layout_.latitude(j, node.y_m) * 1e7));
        b.set_location(osmium::Location{lon, lat});
        add_tags(b, node.tags);
      }
      buffer_.commit();
      flush(false);
    }
    stats_.nodes += tile.nodes.size();
  }

  uint64_t node_id(NodeRef ref) const { return bases_[ref.tile].node + ref.index + 1; }

  void write_ways(const TileModel& tile, uint32_t index) {
    const uint64_t base = bases_[index].way;
    for (size_t w = 0; w < tile.ways.size(); ++w) {
      const auto& way = tile.ways[w];
      {
        osmium::builder::WayBuilder b{buffer_};
        set_meta(b, base + w + 1, index);
        {
          osmium::builder::WayNodeListBuilder refs{b};
          for (const NodeRef ref : way.nodes) refs.add_node_ref(static_cast<osmium::object_id_type>(node_id(ref)));
        }
        add_tags(b, way.tags);
      }
      buffer_.commit();
      flush(false);
      stats_.way_node_refs += way.nodes.size();
    }
    stats_.ways += tile.ways.size();
  }

  void write_relations(const TileModel& tile, uint32_t index) {
    const uint64_t base = bases_[index].relation;
    for (size_t r = 0; r < tile.restrictions.size(); ++r) {
      const auto& rel = tile.restrictions[r];
      {
        osmium::builder::RelationBuilder b{buffer_};
        set_meta(b, base + r + 1, index);
        {
          osmium::builder::RelationMemberListBuilder members{b};
          const auto way_id = [&](uint32_t w) { return static_cast<osmium::object_id_type>(bases_[index].way + w + 1); };
          members.add_member(osmium::item_type::way, way_id(rel.from_way), "from");
          members.add_member(osmium::item_type::node, static_cast<osmium::object_id_type>(node_id(NodeRef{index, rel.via_node})), "via");
          members.add_member(osmium::item_type::way, way_id(rel.to_way), "to");
        }
        add_tags(b, rel.tags);
      }
      buffer_.commit();
      flush(false);
    }
    stats_.relations += tile.restrictions.size();
  }

  void flush(bool always) {
    if (buffer_.committed() == 0 || (!always && buffer_.committed() < kBufferBytes - 64 * 1024)) return;
    (*writer_)(std::move(buffer_));
    buffer_ = osmium::memory::Buffer{kBufferBytes, osmium::memory::Buffer::auto_grow::yes};
  }

  const CountryLayout& layout_;
  std::unique_ptr<osmium::thread::Pool> pool_;
  std::unique_ptr<osmium::io::Writer> writer_;
  osmium::memory::Buffer buffer_{kBufferBytes, osmium::memory::Buffer::auto_grow::yes};
  std::vector<TileBase> bases_;
  WriteStats stats_;
};

// "dir/x.osm.pbf" -> "dir/x.partial.osm.pbf": same suffix, so libosmium picks the same format.
std::filesystem::path partial_path(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  const auto dot = name.find('.', 1);
  const std::string partial = dot == std::string::npos ? name + ".partial" : name.substr(0, dot) + ".partial" + name.substr(dot);
  return path.parent_path() / partial;
}

}  // namespace

WriteStats write_synthetic_osm(const LayoutParams& layout_params, const WriteOptions& options) {
  const CountryLayout layout(layout_params);
  const std::filesystem::path target(options.path);
  const std::filesystem::path partial = partial_path(target);
  // Written under a temporary name and renamed at the end: a failed or interrupted run never
  // leaves a truncated file under the name asked for.
  if (target.has_parent_path()) {
    std::filesystem::create_directories(target.parent_path());  // throws, naming the directory
  }
  try {
    WriteStats stats = StreamingWriter(layout, partial.string(), options.threads).run();
    std::filesystem::rename(partial, target);
    return stats;
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    throw;
  }
}

}  // namespace drivelog::synth
