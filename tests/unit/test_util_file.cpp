#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "wellbeing/util/file.hpp"

namespace fs = std::filesystem;
using wellbeing::util::read_bounded;

namespace {

// A folder of its own under the system's temporary folder, removed at the end of the test case.
struct ScratchFolder {
  fs::path path;
  ScratchFolder() {
    std::string name = (fs::temp_directory_path() / "wellbeing-file-XXXXXX").string();
    path = ::mkdtemp(name.data());
  }
  ~ScratchFolder() { fs::remove_all(path); }
};

}  // namespace

TEST_SUITE("util::read_bounded") {
  TEST_CASE("reads a regular file whole, and refuses one over the limit before reading it") {
    ScratchFolder scratch;
    const fs::path file = scratch.path / "p-0001.yaml";
    std::ofstream(file) << "id: p-0001\n";
    CHECK(read_bounded(file, 100).value() == "id: p-0001\n");
    CHECK(read_bounded(file, 11).value() == "id: p-0001\n");
    CHECK(read_bounded(file, 10).error().message == "the file is 11 bytes, more than the limit of 10 bytes");
  }

  TEST_CASE("a pipe is read up to the limit and refused past it") {
    int ends[2];
    REQUIRE(::pipe(ends) == 0);
    const std::string chunk(4096, 'x');  // fits in a pipe's buffer, so no writer needs to run alongside
    REQUIRE(::write(ends[1], chunk.data(), chunk.size()) == static_cast<ssize_t>(chunk.size()));
    ::close(ends[1]);
    const std::string pipe_path = "/proc/self/fd/" + std::to_string(ends[0]);
    CHECK(read_bounded(pipe_path, 1000).error().message == "the file is more than the limit of 1000 bytes");
    ::close(ends[0]);

    REQUIRE(::pipe(ends) == 0);
    REQUIRE(::write(ends[1], chunk.data(), chunk.size()) == static_cast<ssize_t>(chunk.size()));
    ::close(ends[1]);
    CHECK(read_bounded("/proc/self/fd/" + std::to_string(ends[0]), 5000).value() == chunk);
    ::close(ends[0]);
  }

  TEST_CASE("folders, missing files and devices are refused in words") {
    ScratchFolder scratch;
    CHECK(read_bounded(scratch.path, 100).error().message == "is a folder, not a file");
    CHECK(read_bounded(scratch.path / "missing.yaml", 100).error().message == "cannot open: No such file or directory");
    CHECK(read_bounded("/dev/null", 100).error().message == "is a device, not a file");
  }

  TEST_CASE("a FIFO with no writer reads as empty instead of blocking") {
    ScratchFolder scratch;
    const fs::path fifo = scratch.path / "fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto started = std::chrono::steady_clock::now();
    CHECK(read_bounded(fifo, 100).value().empty());
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
  }
}
