# syntax=docker/dockerfile:1
# Two stages: a Go toolchain with a C compiler builds one static binary
# (cgo is needed by the SQLite driver); a distroless image runs it as a
# non-root user with the database on a volume.

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# Static linking: the image has no C library. netgo and osusergo keep the
# resolver and user lookup in Go; load_extension is not needed.
RUN CGO_ENABLED=1 go build -trimpath \
      -tags 'sqlite_omit_load_extension netgo osusergo' \
      -ldflags '-s -w -linkmode external -extldflags "-static"' \
      -o /out/doingoai . \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/doingoai /usr/local/bin/doingoai
# The volume's mount point belongs to the nonroot user (65532), so a fresh
# named volume is writable by the server.
COPY --from=build --chown=65532:65532 /out/data /data
ENV ADDR=:8080 \
    DATABASE_URL=/data/doingoai.db
VOLUME ["/data"]
EXPOSE 8080
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/doingoai"]
CMD ["serve"]
