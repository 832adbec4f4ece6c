#!/bin/sh
# Stand-in for /lambda-entrypoint.sh of public.ecr.aws/lambda/provided:al2023, with the same
# dispatch: the handler name is the only argument; with AWS_LAMBDA_RUNTIME_API set (in Lambda, or
# pointed at a Runtime API test server) it execs the runtime's bootstrap, otherwise the Runtime
# Interface Emulator, which this stand-in does not have (it cannot be downloaded here).
if [ $# -ne 1 ]; then
  echo "entrypoint requires the handler name to be the first argument" 1>&2
  exit 142
fi
export _HANDLER="$1"

RUNTIME_ENTRYPOINT=/var/runtime/bootstrap
if [ -z "${AWS_LAMBDA_RUNTIME_API}" ]; then
  if [ -x /usr/local/bin/aws-lambda-rie ]; then
    exec /usr/local/bin/aws-lambda-rie $RUNTIME_ENTRYPOINT
  fi
  echo "stand-in base image: no Runtime Interface Emulator; set AWS_LAMBDA_RUNTIME_API" 1>&2
  exit 1
else
  exec $RUNTIME_ENTRYPOINT
fi
