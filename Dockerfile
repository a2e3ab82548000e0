# bpf-tidy in a container (docs/install.md). The first stage builds the
# Debian package from this checkout; the second installs it on a clean
# Debian 12 through packaging/install-bpf-tidy, the same script the GitHub
# action uses, so the image holds the package and what it depends on, no
# LLVM or Clang -dev package.
#
#   docker build -t bpf-tidy .
#   docker run --rm -v "$PWD:/src" bpf-tidy --configs bpf/datapath.configs
#
# INSTALL_FLAGS=--no-recommends leaves out clang-19 and libbpf-dev (needed
# by verify and migrate, not by the check).

FROM debian:12 AS package
COPY . /src
RUN /src/scripts/bootstrap \
 && cmake -S /src -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release \
 && ninja -C /build bpf-tidy bpf-tidy-verify BpfTidyModule \
 && cd /build && cpack -G DEB

FROM debian:12
ARG INSTALL_FLAGS=
COPY --from=package /build/bpf-tidy_*.deb /tmp/bpf-tidy/
COPY packaging/install-bpf-tidy /tmp/bpf-tidy/
RUN sh /tmp/bpf-tidy/install-bpf-tidy $INSTALL_FLAGS /tmp/bpf-tidy/bpf-tidy_*.deb \
 && rm -rf /tmp/bpf-tidy /var/lib/apt/lists/*
WORKDIR /src
ENTRYPOINT ["bpf-tidy"]
CMD ["--help"]
