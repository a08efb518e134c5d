package net.switchboard.cli;

import net.switchboard.seam.Endpoint;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code host:port} or {@code [v6]:port} into an {@link Endpoint}. */
public final class EndpointConverter implements ITypeConverter<Endpoint> {
  @Override
  public Endpoint convert(String value) {
    try {
      return Endpoint.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
