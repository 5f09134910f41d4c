#pragma once

#include <cstddef>
#include <filesystem>
#include <istream>
#include <optional>
#include <streambuf>
#include <string>
#include <string_view>

#include "wellbeing/util/expected.hpp"

namespace wellbeing::util {

// Reads a whole file ("-": standard input) as bytes, stopping as soon as more than `max_bytes` arrive, so a
// stream without end (/dev/zero, a runaway pipe) is refused without being read to its end. A FIFO with no
// writer reads as empty instead of blocking; folders, devices and sockets are refused. Fails with a message
// in plain words ("is a folder, not a file", "is more than the limit of N bytes", the system's reason).
Expected<std::string, util::Failure> read_bounded(const std::filesystem::path& file, std::size_t max_bytes);

// `file` relative to `folder` ("." for the folder itself), both made absolute with symlinks followed as far
// as they exist, so `../` and a link pointing out both count as outside; nullopt when not in `folder` or below.
std::optional<std::filesystem::path> path_within(const std::filesystem::path& file, const std::filesystem::path& folder);

// An input stream over text held elsewhere, read in place without a copy (std::ispanstream is C++23). The
// text must outlive the stream.
class ViewStream : public std::istream {
 public:
  explicit ViewStream(std::string_view text) : std::istream(nullptr), m_buffer(text) { rdbuf(&m_buffer); }

 private:
  struct Buffer : std::streambuf {
    explicit Buffer(std::string_view text) {
      char* begin = const_cast<char*>(text.data());  // read only: a get area is never written
      setg(begin, begin, begin + text.size());
    }
  };
  Buffer m_buffer;
};

}  // namespace wellbeing::util
