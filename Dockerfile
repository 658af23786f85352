# syntax=docker/dockerfile:1
# article-bot in a small image: the project's own wheel installed with the pinned versions of
# constraints.txt, run by an unprivileged user. docs/DEPLOY.md tells how to build and run it;
# deploy/check-image.sh runs the same build steps without Docker.
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
# deploy/check-image.sh copies exactly the sources of these COPY lines.
COPY pyproject.toml README.md constraints.txt ./
COPY bot ./bot
COPY index ./index
COPY deploy/install-from-wheel.sh /usr/local/bin/install-from-wheel
RUN install-from-wheel /src /opt/article-bot

FROM ${PYTHON_IMAGE}
RUN groupadd --system --gid 10001 articlebot \
    && useradd --system --uid 10001 --gid articlebot --home-dir /data --no-create-home \
        --shell /usr/sbin/nologin articlebot \
    && mkdir /data && chown articlebot:articlebot /data
COPY --from=build /opt/article-bot /opt/article-bot
# PTB_TIMEDELTA: python-telegram-bot's opt-in to its next major version's time periods.
# WEBHOOK_LISTEN: in a container the webhook server listens on every interface of the container.
ENV PATH=/opt/article-bot/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PTB_TIMEDELTA=true \
    DATA_DIR=/data \
    WEBHOOK_LISTEN=0.0.0.0
WORKDIR /data
USER articlebot:articlebot
EXPOSE 8443
ENTRYPOINT ["article-bot"]
CMD ["run"]
