// fake_hub: the fake Docker Hub API as a standalone server, for the
// benchmark (bench/fetch_benchmark.sh) and manual use.
//
//   fake_hub --generate 5000,1000,100 --latency-ms 20
//            --account user00000:password [--port N] [--fixture FILE]...
//
// Prints "listening on http://127.0.0.1:PORT" and serves until it gets
// SIGINT or SIGTERM. GET /_fake/requests lists the requests it answered.

#include <signal.h>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "lint/state/snapshot_reader.h"
#include "lint/util/strings.h"
#include "tests/fake_hub/fake_hub.h"
#include "tests/fake_hub/generate_org.h"

namespace {

volatile sig_atomic_t g_stop = 0;
void OnSignal(int) { g_stop = 1; }

int Usage() {
  std::cerr << "usage: fake_hub [--fixture FILE]... [--generate M,R,T] "
               "[--name ORG] [--latency-ms N] [--port N] "
               "[--account USER:SECRET[:pat|oat]]... "
               "[--no-repository-groups-list] [--cert FILE --key FILE]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace hublint;
  fake_hub::Options options;
  std::vector<OrgState> orgs;
  std::vector<std::string> accounts;
  fake_hub::GenerateOptions generate;
  bool do_generate = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << arg << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--fixture") {
      absl::StatusOr<OrgState> s = ReadSnapshotFile(value());
      if (!s.ok()) {
        std::cerr << s.status().message() << "\n";
        return 2;
      }
      orgs.push_back(std::move(*s));
    } else if (arg == "--generate") {
      int m = 0, r = 0, t = 0;
      if (std::sscanf(value().c_str(), "%d,%d,%d", &m, &r, &t) != 3) {
        return Usage();
      }
      generate.members = m;
      generate.repositories = r;
      generate.teams = t;
      do_generate = true;
    } else if (arg == "--name") {
      generate.name = value();
    } else if (arg == "--latency-ms") {
      options.latency = absl::Milliseconds(std::stoi(value()));
    } else if (arg == "--port") {
      options.port = std::stoi(value());
    } else if (arg == "--account") {
      accounts.push_back(value());
    } else if (arg == "--no-repository-groups-list") {
      options.repository_groups_list = false;
    } else if (arg == "--cert") {
      options.cert_file = value();
    } else if (arg == "--key") {
      options.key_file = value();
    } else {
      return Usage();
    }
  }
  if (do_generate) orgs.push_back(fake_hub::GenerateOrg(generate));
  fake_hub::FakeHub hub(options);
  for (const OrgState& s : orgs) hub.AddOrg(s);
  for (const std::string& a : accounts) {
    size_t c1 = a.find(':');
    if (c1 == std::string::npos) return Usage();
    size_t c2 = a.find(':', c1 + 1);
    std::string kind = c2 == std::string::npos ? "" : a.substr(c2 + 1);
    hub.AddAccount(a.substr(0, c1),
                   a.substr(c1 + 1, c2 == std::string::npos ? std::string::npos
                                                            : c2 - c1 - 1),
                   kind == "pat" ? fake_hub::AccountKind::kPersonalAccessToken
                   : kind == "oat"
                       ? fake_hub::AccountKind::kOrganizationAccessToken
                       : fake_hub::AccountKind::kPassword);
  }
  absl::Status started = hub.Start();
  if (!started.ok()) {
    std::cerr << started.message() << "\n";
    return 1;
  }
  signal(SIGINT, OnSignal);
  signal(SIGTERM, OnSignal);
  std::cout << "listening on " << hub.base_url() << std::endl;
  while (!g_stop) ::usleep(50000);
  hub.Stop();
  return 0;
}
