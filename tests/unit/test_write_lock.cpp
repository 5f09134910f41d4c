// FILE.lock: it keeps a live writer's file to itself, and a lock left by a writer that is gone never wedges.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <doctest/doctest.h>

#include "temp_folder.hpp"
#include "wellbeing/write/lock.hpp"

using namespace wellbeing;
using wellbeing::test::slurp;
using wellbeing::test::TempFolder;
namespace fs = std::filesystem;

namespace {

// Sets the file's modification time `seconds` into the past.
void age(const fs::path& file, int seconds) {
  const struct timespec times[2] = {{std::time(nullptr) - seconds, 0}, {std::time(nullptr) - seconds, 0}};
  REQUIRE(::utimensat(AT_FDCWD, file.c_str(), times, 0) == 0);
}

std::string first_line(const fs::path& file) {
  const std::string text = slurp(file);
  return text.substr(0, text.find('\n'));
}

std::string host() {
  char name[256] = {};
  ::gethostname(name, sizeof name - 1);
  return name;
}

// A process id far above any the kernel hands out, so it cannot be running.
constexpr const char* k_dead_pid = "2147483000";

}  // namespace

TEST_SUITE("write::Lock") {
  TEST_CASE("the lock keeps a second writer out until it is released") {
    TempFolder folder;
    const fs::path file = folder.write("p-0001.yaml", "x\n");
    const fs::path lock_file = folder.path / "p-0001.yaml.lock";
    {
      auto first = write::Lock::acquire(file);
      REQUIRE(first.has_value());
      CHECK(slurp(lock_file).starts_with(std::to_string(::getpid()) + "\n" + host() + "\n"));
      auto second = write::Lock::acquire(file);
      REQUIRE_FALSE(second.has_value());
      CHECK(second.error().kind == util::FailureKind::locked);
      CHECK(second.error().message.find("another writer (process " + std::to_string(::getpid()) + ")") !=
            std::string::npos);
    }
    CHECK_FALSE(fs::exists(lock_file));
    CHECK(write::Lock::acquire(file).has_value());
    // Only the file remains: no lock, no temporary file of the lock's.
    CHECK(std::distance(fs::directory_iterator(folder.path), fs::directory_iterator()) == 1);
  }

  TEST_CASE("a live writer's lock is refused with the holder's process id") {
    TempFolder folder;
    const fs::path file = folder.write("p-0001.yaml", "x\n");
    const std::string holder = std::to_string(::getppid());  // our parent is running
    const fs::path lock_file = folder.write("p-0001.yaml.lock", holder + "\n");
    age(lock_file, 3600);  // however old
    auto lock = write::Lock::acquire(file);
    REQUIRE_FALSE(lock.has_value());
    CHECK(lock.error().kind == util::FailureKind::locked);
    CHECK(lock.error().message == file.string() + " is being changed by another writer (process " + holder +
                                      ") (its lock file " + lock_file.string() +
                                      " exists); try again when it has finished, or remove the lock file if no "
                                      "one is writing");
    CHECK(slurp(lock_file) == holder + "\n");
  }

  TEST_CASE("a lock left by a process that is gone is taken over, with its temporary files") {
    TempFolder folder;
    const fs::path file = folder.write("p-0001.yaml", "x\n");
    folder.write("p-0001.yaml.lock", std::string(k_dead_pid) + "\n" + host() + "\n12345\n");
    folder.write(".p-0001.yaml.wellbeing-AbC123", "half written");
    folder.write(".p-0001.yaml.wellbeing-notours", "not ours: other length");
    folder.write(std::string(".p-0001.yaml.wellbeing-lock.") + k_dead_pid + ".XyZ789", "");
    auto lock = write::Lock::acquire(file);
    REQUIRE(lock.has_value());
    CHECK(first_line(folder.path / "p-0001.yaml.lock") == std::to_string(::getpid()));
    CHECK_FALSE(fs::exists(folder.path / ".p-0001.yaml.wellbeing-AbC123"));
    CHECK_FALSE(fs::exists(folder.path / (std::string(".p-0001.yaml.wellbeing-lock.") + k_dead_pid + ".XyZ789")));
    CHECK(fs::exists(folder.path / ".p-0001.yaml.wellbeing-notours"));
  }

  TEST_CASE("a lock whose process id now belongs to a later process is taken over") {
    TempFolder folder;
    const fs::path file = folder.write("p-0001.yaml", "x\n");
    // Our parent runs, but it did not start at clock tick 1.
    folder.write("p-0001.yaml.lock", std::to_string(::getppid()) + "\n" + host() + "\n1\n");
    auto lock = write::Lock::acquire(file);
    REQUIRE(lock.has_value());
    CHECK(first_line(folder.path / "p-0001.yaml.lock") == std::to_string(::getpid()));
  }

  TEST_CASE("another machine's lock is respected, as its process cannot be checked") {
    TempFolder folder;
    const fs::path file = folder.write("p-0001.yaml", "x\n");
    folder.write("p-0001.yaml.lock", std::string(k_dead_pid) + "\nelsewhere.example\n12345\n");
    auto lock = write::Lock::acquire(file);
    REQUIRE_FALSE(lock.has_value());
    CHECK(lock.error().message.find(std::string("(process ") + k_dead_pid + " on elsewhere.example)") !=
          std::string::npos);
  }

  TEST_CASE("an empty lock older than the stale age is taken over") {
    TempFolder folder;
    const fs::path file = folder.write("p-0001.yaml", "x\n");
    const fs::path lock_file = folder.write("p-0001.yaml.lock", "");
    age(lock_file, write::Lock::k_stale_seconds + 1);
    auto lock = write::Lock::acquire(file);
    REQUIRE(lock.has_value());
    CHECK(first_line(lock_file) == std::to_string(::getpid()));
  }

  TEST_CASE("an unreadable lock (no process id in it) older than the stale age is taken over") {
    TempFolder folder;
    const fs::path file = folder.write("p-0001.yaml", "x\n");
    const fs::path lock_file = folder.write("p-0001.yaml.lock", "\x01\x02garbage");
    age(lock_file, write::Lock::k_stale_seconds + 1);
    CHECK(write::Lock::acquire(file).has_value());
  }

  TEST_CASE("a fresh empty lock is respected: its writer may still be filling it in") {
    TempFolder folder;
    const fs::path file = folder.write("p-0001.yaml", "x\n");
    const fs::path lock_file = folder.write("p-0001.yaml.lock", "");
    auto lock = write::Lock::acquire(file);
    REQUIRE_FALSE(lock.has_value());
    CHECK(lock.error().kind == util::FailureKind::locked);
    CHECK(lock.error().message.find("is being changed by another writer (its lock file") != std::string::npos);
    CHECK(slurp(lock_file).empty());
  }

  TEST_CASE("of writers that find one stale lock at once, exactly one takes it over") {
    TempFolder folder;
    const fs::path file = folder.write("p-0001.yaml", "x\n");
    const fs::path lock_file = folder.path / "p-0001.yaml.lock";
    constexpr int k_rounds = 100;
    constexpr int k_writers = 4;
    for (int round = 0; round < k_rounds; ++round) {
      folder.write("p-0001.yaml.lock", std::string(k_dead_pid) + "\n");
      // Pipes: `start` lets all writers go at once, each says in `result` whether it won, and a winner
      // holds the lock until `release` closes, so that no one can come late and find it stale.
      int start[2];
      int result[2];
      int release[2];
      REQUIRE((::pipe(start) == 0 && ::pipe(result) == 0 && ::pipe(release) == 0));
      pid_t children[k_writers];
      for (pid_t& child : children) {
        child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
          ::close(start[1]);
          ::close(result[0]);
          ::close(release[1]);
          char byte = 0;
          [[maybe_unused]] ssize_t ignored = ::read(start[0], &byte, 1);
          auto lock = write::Lock::acquire(file);
          byte = lock ? 'W' : 'L';
          ignored = ::write(result[1], &byte, 1);
          ignored = ::read(release[0], &byte, 1);
          ::_exit(0);  // skips destructors: doctest's state is the parent's (the lock stays, naming us)
        }
      }
      ::close(start[0]);
      ::close(result[1]);
      ::close(release[0]);
      ::close(start[1]);  // end of file: go
      int winners = 0;
      char byte = 0;
      for (int i = 0; i < k_writers; ++i) {
        REQUIRE(::read(result[0], &byte, 1) == 1);
        winners += byte == 'W' ? 1 : 0;
      }
      ::close(release[1]);
      ::close(result[0]);
      for (const pid_t child : children) {
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
      }
      CHECK(winners == 1);
      fs::remove(lock_file);
    }
  }
}
