# drivelog as an AWS Lambda container image (docs/DEPLOY.md).
#
#   docker build -t drivelog .                                   synthetic map (SYNTH_SCALE, SYNTH_SEED)
#   docker build --build-arg OSM_FILE=data/x.osm.pbf -t drivelog .   map from a real OSM extract in data/
#   docker build --build-arg OSM_URL=https://... --build-arg OSM_SHA256=... -t drivelog .
#
# Stages: osm-headers (libosmium/protozero headers, header-only, not packaged for AL2023) ->
# toolchain (AL2023: JDK 25, CMake, g++) -> native (libdrivelog.so + tools) -> map (the reference
# map) and app (Maven build, jlink, AOT cache) -> the final image on the Lambda OS-only base.
# Layer order in the final stage puts the map before anything Java, so that a code change neither
# rebuilds nor re-pushes the map layer. No BuildKit-only syntax: `docker build` with BuildKit (faster,
# stages in parallel), the classic builder (DOCKER_BUILDKIT=0) and `sam build` all build it.

ARG SYNTH_SCALE=small
ARG SYNTH_SEED=1
# A file in the build context (e.g. data/germany-latest.osm.pbf); the default is a marker file that
# means "generate a synthetic map".
ARG OSM_FILE=docker/map/synthetic.txt
ARG OSM_URL=
ARG OSM_SHA256=

# ---------------------------------------------------------------------------------------------
FROM public.ecr.aws/docker/library/debian:bookworm-slim AS osm-headers
# Unpacked, not installed: the headers are all we need (installing would pull in Boost and a compiler).
# nlohmann/json (the map builder's JSON reader for data/) is header-only too and not in AL2023.
WORKDIR /tmp/debs
RUN apt-get update -qq \
 && apt-get download libosmium2-dev libprotozero-dev nlohmann-json3-dev \
 && for deb in *.deb; do dpkg-deb -x "$deb" /tmp/unpacked; done \
 && mkdir -p /headers && cp -a /tmp/unpacked/usr/include/osmium /tmp/unpacked/usr/include/protozero \
      /tmp/unpacked/usr/include/nlohmann /headers/ \
 && rm -rf /var/lib/apt/lists/* /tmp/debs /tmp/unpacked

# ---------------------------------------------------------------------------------------------
FROM public.ecr.aws/amazonlinux/amazonlinux:2023 AS toolchain
COPY docker/install-build-deps.sh /usr/local/bin/install-build-deps.sh
RUN install-build-deps.sh
COPY --from=osm-headers /headers/ /usr/local/include/
ENV JAVA_HOME=/usr/lib/jvm/java-25-amazon-corretto
ENV PATH=$JAVA_HOME/bin:$PATH
WORKDIR /src

# ---------------------------------------------------------------------------------------------
FROM toolchain AS native
COPY src/main/cpp src/main/cpp
# The reference data of data/ is built into the native library (legal defaults, boundaries, date rules).
COPY data data
COPY docker/collect-native.sh docker/collect-native.sh
RUN cmake -S src/main/cpp -B /build -DCMAKE_BUILD_TYPE=Release -DDRIVELOG_TESTS=OFF -Wno-dev \
 && cmake --build /build -j "$(nproc)" \
 && docker/collect-native.sh /build /out/native

# ---------------------------------------------------------------------------------------------
# Depends only on the native tools and the map arguments: Java changes do not rebuild it.
FROM native AS map
ARG SYNTH_SCALE
ARG SYNTH_SEED
ARG OSM_FILE
ARG OSM_URL
ARG OSM_SHA256
COPY docker/build-map.sh docker/build-map.sh
COPY ${OSM_FILE} /map-input/
RUN docker/build-map.sh /out/native "/map-input/$(basename "$OSM_FILE")" /out/map/reference.dlmap

# ---------------------------------------------------------------------------------------------
FROM toolchain AS app
# Maven and the dependencies in a layer of their own, rebuilt only when the POM changes. (No BuildKit
# cache mount: this file builds with any builder, including the classic one SAM CLI uses by default.)
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q -Dnative.skip dependency:go-offline
COPY src/main src/main
RUN ./mvnw -B -q -DskipTests -Dnative.skip package
COPY docker/make-runtime.sh docker/make-runtime.sh
RUN docker/make-runtime.sh target /out/app

# AOT cache (JDK 25, JEP 483/514/515): a training run of the real RIC entry point against a local
# Runtime API server, in the image's final layout, so that the class path matches at run time.
FROM app AS aot
COPY docker/bootstrap /var/runtime/bootstrap
COPY docker/train-aot.sh docker/
COPY docker/test docker/test
COPY events events
COPY config/drivelog.yaml /opt/drivelog/config/drivelog.yaml
# Copied, not bind-mounted (a BuildKit-only RUN --mount): a multi-GB map costs one more copy in this
# build stage, none in the final image.
COPY --from=native /out/native /opt/drivelog/native
COPY --from=map /out/map /opt/drivelog/map
RUN cp -a /out/app/. /opt/drivelog/ && docker/train-aot.sh /opt/drivelog /out/aot/drivelog.aot

# ---------------------------------------------------------------------------------------------
FROM public.ecr.aws/lambda/provided:al2023
# Least-changing first: native library and tools, the map, the Java runtime, then the jars.
COPY --from=native /out/native /opt/drivelog/native
COPY --from=map /out/map /opt/drivelog/map
COPY --from=app /out/app/java /opt/drivelog/java
COPY --from=app /out/app/jni /opt/drivelog/jni
COPY --from=app /out/app/lib /opt/drivelog/lib
COPY config/drivelog.yaml /opt/drivelog/config/drivelog.yaml
COPY --from=app /out/app/drivelog.jar /out/app/classpath.args /out/app/jit-directives.json /opt/drivelog/
COPY --from=aot /out/aot /opt/drivelog/aot
COPY docker/bootstrap /var/runtime/bootstrap
ENV DRIVELOG_HOME=/opt/drivelog \
    DRIVELOG_MAP=/opt/drivelog/map/reference.dlmap \
    DRIVELOG_CONFIG=/opt/drivelog/config/drivelog.yaml \
    DRIVELOG_NATIVE_DIR=/opt/drivelog/native
# Lambda runs the function as its own unprivileged user anyway; this makes `docker run` do the same.
USER 1000:1000
CMD ["dev.drivelog.lambda.SqsBatchHandler::handleRequest"]
