# AutoDQM: built with the Swift toolchain image, run on a slim Debian holding only the
# runtime libraries. Verified without a Docker engine by scripts/verify-dockerfile, which
# reads this file and runs its steps in a fresh clone and a clean Debian root (README,
# "Deploying with Docker"); keep to RUN/COPY/ENV/USER/WORKDIR so that stays possible.

# ---- build ----------------------------------------------------------------------------
FROM swift:6.3-bookworm AS build
WORKDIR /build
# The -dev packages come from the same list a laptop install uses.
COPY scripts/install-deps scripts/install-deps
RUN scripts/install-deps
# Resolve dependencies in their own layer so source edits do not refetch them.
COPY Package.swift ./
RUN swift package resolve
# Tests/ only because Package.swift declares the test targets; nothing of it is built.
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product autodqm --static-swift-stdlib \
 && install -D "$(swift build -c release --show-bin-path)/autodqm" /staging/usr/local/bin/autodqm
COPY Public /staging/opt/autodqm/Public
COPY Templates /staging/opt/autodqm/Templates
COPY configs /staging/opt/autodqm/configs
COPY demo /staging/opt/autodqm/demo

# ---- runtime --------------------------------------------------------------------------
FROM debian:bookworm-slim
# Unpinned on purpose: bookworm's point releases carry the security fixes for exactly these
# libraries, and pinned versions vanish from the mirrors when they are superseded.
# hadolint ignore=DL3008
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libcurl4 libssl3 libsqlite3-0 zlib1g libdeflate0 liblzma5 libzstd1 liblz4-1 ca-certificates curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 1000 --user-group --home-dir /var/lib/autodqm --create-home autodqm \
 && install -d -o autodqm -g autodqm /var/lib/autodqm/db /var/lib/autodqm/tmp /var/lib/autodqm/state
COPY --from=build /staging/ /

ENV ADQM_HOME=/opt/autodqm \
    ADQM_CONFIG=/opt/autodqm/configs \
    ADQM_DB=/var/lib/autodqm/db \
    ADQM_TMP=/var/lib/autodqm/tmp \
    ADQM_DATABASE=/var/lib/autodqm/state/autodqm.sqlite
# Numeric, so orchestrators can check it is not root; 1000 is the autodqm user made above.
USER 1000:1000
WORKDIR /var/lib/autodqm
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/healthz"]
ENTRYPOINT ["autodqm"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
